import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { accelerationsOf, activeAccelerations } from './accelerations.js';
import { fastWasmKernelsInstalled, installFastWasmKernels, uninstallFastWasmKernels } from './register-fast-kernels.js';
import { fusedAdamAvailable } from './fused-adam.js';
import { setSimdGemm, simdGemmEnabled, simdGemmTakes } from './heap-gemm.js';
import { heapKernels } from './heap-kernels.js';
import { setupFastWasm, type FastWasmInfo } from './setup.js';

// This file's process runs the single-threaded build (wasm-threads.test.ts checks the threaded list).
describe('activeAccelerations', () => {
  let info: FastWasmInfo;
  beforeAll(async () => {
    info = await setupFastWasm();
  });

  it('lists what is really in effect on wasm, each one checked where it acts', () => {
    const expected = ['fast-matmul', 'heap-kernels', 'simd-gemm', 'fused-adam'];
    expect(info).toEqual({ threads: 1, simd: true, accelerations: expected });
    expect(activeAccelerations()).toEqual(expected);
    expect(fastWasmKernelsInstalled()).toBe(true);
    expect(heapKernels(tf.backend())).not.toBeNull();
    expect(fusedAdamAvailable()).toBe(true);
    expect(activeAccelerations()).toEqual(expected); // binding the kernels to tfjs' memory changes nothing
  });

  it('lists simd-gemm only while it is on; off, the products are the same, from XNNPACK', () => {
    const [x, w] = [tf.randomNormal([20, 48], 0, 1, 'float32', 1), tf.randomNormal([48, 32], 0, 1, 'float32', 2)];
    const ours = tf.matMul(x, w, false, false);
    setSimdGemm(false);
    try {
      expect(simdGemmEnabled()).toBe(false);
      expect(activeAccelerations()).toEqual(['fast-matmul', 'heap-kernels', 'fused-adam']);
      const theirs = tf.matMul(x, w, false, false);
      expect(Array.from(theirs.dataSync())).toEqual(Array.from(ours.dataSync()));
      theirs.dispose();
    } finally {
      setSimdGemm(true);
    }
    expect(activeAccelerations()).toContain('simd-gemm');
    expect(() => setSimdGemm('no' as unknown as boolean)).toThrow(
      new TypeError('setSimdGemm: on must be true or false, found "no"'),
    );
    tf.dispose([x, w, ours]);
  });

  it('drops what silently fell back: stock kernels, a memory it does not know, another backend', async () => {
    uninstallFastWasmKernels();
    try {
      expect(activeAccelerations()).toEqual(['heap-kernels', 'fused-adam']);
    } finally {
      installFastWasmKernels();
    }
    expect(accelerationsOf('wasm', { wasm: {} }, 1)).toEqual(['fast-matmul']);
    // XNNPACK on 2 threads and our kernels on one (what a browser page gets): XNNPACK keeps the products.
    expect(accelerationsOf('wasm', tf.backend(), 2)).toEqual(['fast-matmul', 'heap-kernels', 'fused-adam', 'threads']);
    expect(simdGemmTakes(tf.backend(), 2)).toBe(false);
    expect(simdGemmTakes(tf.backend(), 1)).toBe(true);
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
