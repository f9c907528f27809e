import { describe, expect, it } from 'vitest';
import { binaryPaths, WASM_BINARIES } from './options.js';
import * as browserHost from './wasm-host.browser.js';
import { defaultWasmPaths, wasmFileProblem } from './wasm-host.js';

// Where the wasm binaries come from, and what a failed start says about them.
describe('the wasm binaries', () => {
  it('in Node: the files of the installed tfjs-backend-wasm, and a missing one is named', async () => {
    const paths = defaultWasmPaths();
    expect(Object.keys(paths)).toEqual(WASM_BINARIES);
    expect(await wasmFileProblem(paths)).toBeNull();
    const missing = { ...paths, 'tfjs-backend-wasm-simd.wasm': '/nowhere/tfjs-backend-wasm-simd.wasm' };
    expect(await wasmFileProblem(missing)).toBe('no such file /nowhere/tfjs-backend-wasm-simd.wasm');
    // URLs other than file: are a browser's to fetch.
    expect(await wasmFileProblem({ ...paths, 'tfjs-backend-wasm.wasm': 'https://example.invalid/a.wasm' })).toBeNull();
  });

  it('in a browser: literal new URL(…, import.meta.url)s beside the module, as bundlers emit them', () => {
    const paths = browserHost.defaultWasmPaths();
    for (const name of WASM_BINARIES) {
      expect(paths[name]).toBe(new URL(`./${name}`, new URL('./wasm-host.browser.ts', import.meta.url)).href);
    }
  });

  it('reads a folder prefix as tfjs does: the binary names appended', () => {
    expect(binaryPaths('/static/wasm/')['tfjs-backend-wasm-simd.wasm']).toBe(
      '/static/wasm/tfjs-backend-wasm-simd.wasm',
    );
    const record = defaultWasmPaths();
    expect(binaryPaths(record)).toBe(record);
  });
});
