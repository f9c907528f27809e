import { availableParallelism } from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { availableWasmThreads, unavailableWasmThreads } from './wasm-host.js';
import { setupFastWasm } from './setup.js';

// This file's process initialises the wasm backend once, on 1 thread (the default).
describe('setupFastWasm', () => {
  it('checks its options before anything else, naming the option and the value', async () => {
    for (const bad of [0, 9, 1.5, 'two']) {
      await expect(setupFastWasm({ threads: bad as number })).rejects.toThrow(
        new RangeError(`setupFastWasm: options.threads must be an integer from 1 to 8, found ${JSON.stringify(bad)}`),
      );
    }
    await expect(setupFastWasm({ threads: [2] as never })).rejects.toThrow(TypeError);
    await expect(setupFastWasm({ wasmPaths: '' })).rejects.toThrow(
      new RangeError('setupFastWasm: options.wasmPaths must be a non-empty string, found ""'),
    );
    await expect(setupFastWasm({ wasmPaths: { 'tfjs-backend-wasm.wasm': 'a.wasm' } as never })).rejects.toThrow(
      new TypeError(
        "setupFastWasm: options.wasmPaths['tfjs-backend-wasm-simd.wasm'] must be a non-empty string, found undefined",
      ),
    );
  });

  it('makes wasm the active backend, on 1 thread unless asked, with the binaries of the installed package', async () => {
    await import('@tensorflow/tfjs-backend-cpu');
    await tf.setBackend('cpu');
    const info = await setupFastWasm();
    expect(tf.getBackend()).toBe('wasm');
    expect(info).toEqual({
      threads: 1,
      simd: true,
      accelerations: ['fast-matmul', 'heap-kernels', 'simd-gemm', 'fused-adam'],
    });
  });

  it('holds later calls to the threads and binaries of the first initialisation', async () => {
    await expect(setupFastWasm({ threads: 2 })).rejects.toThrow(
      'the wasm backend already runs on 1 thread(s) in this process; 2 must be asked for before its first initialisation',
    );
    await expect(setupFastWasm({ wasmPaths: '/elsewhere/' })).rejects.toThrow(
      'the wasm backend already loaded its binaries from its default place; options.wasmPaths "/elsewhere/" must be given at its first initialisation',
    );
    expect((await setupFastWasm({ threads: 'available' })).threads).toBe(1);
    expect((await setupFastWasm({ threads: 1 })).threads).toBe(1);
  });

  it('offers every core (at most 8) in Node, where the installed tfjs-backend-wasm fits the thread shim', () => {
    expect(availableWasmThreads()).toBe(Math.min(availableParallelism(), 8));
    expect(unavailableWasmThreads(1)).toBeNull();
    expect(unavailableWasmThreads(8)).toBeNull();
  });
});
