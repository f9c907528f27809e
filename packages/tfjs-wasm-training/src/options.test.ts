import { describe, expect, it } from 'vitest';
import { checkThreads, checkWasmPaths } from './options.js';

describe('checkThreads', () => {
  it('reads an integer from 1 to 8, or its text as an environment variable holds it', () => {
    expect(checkThreads(1, 'f')).toBe(1);
    expect(checkThreads(' 8 ', 'f')).toBe(8);
  });

  it('throws a RangeError for a number or text out of range, a TypeError for anything else', () => {
    expect(() => checkThreads(9, 'setupFastWasm')).toThrow(
      new RangeError('setupFastWasm: options.threads must be an integer from 1 to 8, found 9'),
    );
    expect(() => checkThreads('two', 'initBackend', 'environment variable THREADS')).toThrow(
      new RangeError('initBackend: environment variable THREADS must be an integer from 1 to 8, found "two"'),
    );
    expect(() => checkThreads('', 'f')).toThrow(RangeError);
    expect(() => checkThreads(Number.NaN, 'f')).toThrow(RangeError);
    expect(() => checkThreads([2], 'f')).toThrow(
      new TypeError('f: options.threads must be an integer from 1 to 8, found an array of length 1'),
    );
    expect(() => checkThreads(null, 'f')).toThrow(TypeError);
  });
});

describe('checkWasmPaths', () => {
  const paths = {
    'tfjs-backend-wasm.wasm': 'a.wasm',
    'tfjs-backend-wasm-simd.wasm': 'b.wasm',
    'tfjs-backend-wasm-threaded-simd.wasm': 'c.wasm',
  };

  it('keeps a folder prefix, or the three binaries and nothing else', () => {
    expect(checkWasmPaths('/wasm/', 'f')).toBe('/wasm/');
    expect(checkWasmPaths({ ...paths, extra: 'x' }, 'f')).toEqual(paths);
  });

  it('throws a RangeError for an empty string, a TypeError for what is not a string, naming the binary', () => {
    expect(() => checkWasmPaths('', 'f')).toThrow(
      new RangeError('f: options.wasmPaths must be a non-empty string, found ""'),
    );
    expect(() => checkWasmPaths({ ...paths, 'tfjs-backend-wasm.wasm': '' }, 'f')).toThrow(
      new RangeError('f: options.wasmPaths[\'tfjs-backend-wasm.wasm\'] must be a non-empty string, found ""'),
    );
    expect(() => checkWasmPaths(3, 'f', 'wasmPaths')).toThrow(
      new TypeError('f: wasmPaths must be a non-empty string, found 3'),
    );
    expect(() => checkWasmPaths({ ...paths, 'tfjs-backend-wasm-simd.wasm': null }, 'f')).toThrow(
      new TypeError("f: options.wasmPaths['tfjs-backend-wasm-simd.wasm'] must be a non-empty string, found null"),
    );
  });
});
