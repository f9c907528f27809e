import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { accelerationsOf, activeAccelerations } from './accelerations.js';
import { fastWasmKernelsInstalled, installFastWasmKernels, uninstallFastWasmKernels } from './fast-matmul.js';
import { fusedAdamAvailable } from './fused-adam.js';
import { heapKernels } from './heap-kernels.js';
import { setupFastWasm, type FastWasmInfo } from './setup.js';

// This file's process runs the single-threaded build (wasm-threads.test.ts checks the threaded list).
describe('activeAccelerations', () => {
  let info: FastWasmInfo;
  beforeAll(async () => {
    info = await setupFastWasm();
  });

  it('lists what is really in effect on wasm, each one checked where it acts', () => {
    const expected = ['fast-matmul', 'heap-kernels', 'fused-adam'];
    expect(info).toEqual({ threads: 1, simd: true, accelerations: expected });
    expect(activeAccelerations()).toEqual(expected);
    expect(fastWasmKernelsInstalled()).toBe(true);
    expect(heapKernels(tf.backend())).not.toBeNull();
    expect(fusedAdamAvailable()).toBe(true);
    expect(activeAccelerations()).toEqual(expected); // binding the kernels to tfjs' memory changes nothing
  });

  it('drops what silently fell back: stock kernels, a memory it does not know, another backend', async () => {
    uninstallFastWasmKernels();
    try {
      expect(activeAccelerations()).toEqual(['heap-kernels', 'fused-adam']);
    } finally {
      installFastWasmKernels();
    }
    expect(accelerationsOf('wasm', { wasm: {} }, 1)).toEqual(['fast-matmul']);
    expect(accelerationsOf('wasm', tf.backend(), 2)).toEqual(['fast-matmul', 'heap-kernels', 'fused-adam', 'threads']);
    await import('@tensorflow/tfjs-backend-cpu');
    await tf.setBackend('cpu');
    try {
      expect(activeAccelerations()).toEqual([]);
      expect(fusedAdamAvailable()).toBe(false);
    } finally {
      await tf.setBackend('wasm');
    }
  });
});
