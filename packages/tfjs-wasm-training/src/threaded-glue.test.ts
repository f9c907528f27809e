import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { SHIM_WASM_VERSION, threadedGlueProblems, versionProblem } from './threaded-glue.js';

const require = createRequire(import.meta.url);
const bundle = readFileSync(require.resolve('@tensorflow/tfjs-backend-wasm'), 'utf8');

describe('the thread shim against tfjs-backend-wasm', () => {
  it('fits the installed 4.22.0 Node bundle', () => {
    expect(require('@tensorflow/tfjs-backend-wasm/package.json')).toMatchObject({ version: SHIM_WASM_VERSION });
    expect(versionProblem('4.22.0')).toBeNull();
    expect(threadedGlueProblems(bundle)).toEqual([]);
  });

  it('refuses other versions, naming both', () => {
    expect(versionProblem('4.23.0')).toBe(
      "tfjs-backend-wasm 4.23.0 is installed, and the thread shim was written for 4.22.0's Node bundle",
    );
  });

  it('names the helpers a changed bundle no longer declares, or binds to other modules', () => {
    const renamed = bundle.replace("var require$$4 = require('os');", () => "var require$$5 = require('os');");
    expect(threadedGlueProblems(renamed)).toEqual(["it no longer declares require$$4 (require('os'))"]);
    const rebound = bundle.replace(
      "var require$$3 = require('perf_hooks');",
      () => "var require$$3 = require('util');",
    );
    expect(threadedGlueProblems(rebound)).toEqual(["its require$$3 is require('util'), not require('perf_hooks')"]);
    const noGlobal = bundle.replace(/^var commonjsGlobal = /m, 'var rollupGlobal = ');
    expect(threadedGlueProblems(noGlobal)).toContain('it no longer declares commonjsGlobal');
  });

  it('names helpers the threaded factory uses that the shim does not define', () => {
    const withHelper = bundle
      .replace(/^function __read\(/m, 'function __assign(o) { return o; }\nfunction __read(')
      .replace('var tfjsBackendWasmThreadedSimd$1 = { exports: {} };', (line) => `${line} __assign({});`);
    expect(threadedGlueProblems(withHelper)).toEqual([
      'its threaded factory uses __assign, which the shim does not define',
    ]);
  });

  it('says so when the threaded module is not where it was', () => {
    const moved = bundle.replaceAll('tfjsBackendWasmThreadedSimd$1', () => 'threadedSimd$1');
    expect(threadedGlueProblems(moved)).toEqual([
      'its threaded Emscripten module (var tfjsBackendWasmThreadedSimd$1 = { exports: {} };) is not where it was',
    ]);
  });
});
