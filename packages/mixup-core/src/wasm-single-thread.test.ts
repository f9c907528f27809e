import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, type BackendInfo } from './backend.js';
import { GOLDEN_WEIGHTS_SHA256, trainGoldenModel } from './__fixtures__/thread-golden.js';

// This file's process runs tfjs-backend-wasm's single-threaded build (wasm-threads.test.ts the other).
describe('wasm backend on 1 thread', () => {
  let info: BackendInfo;
  beforeAll(async () => {
    process.env.MANIFOLD_MIXUP_THREADS = '1';
    try {
      info = await initBackend('wasm');
    } finally {
      delete process.env.MANIFOLD_MIXUP_THREADS;
    }
  });

  it('takes the thread count from MANIFOLD_MIXUP_THREADS and uses the unshared memory', () => {
    expect(info).toMatchObject({ name: 'wasm', threads: 1, simd: true, fastMatMul: true });
    expect(info.accelerations).toEqual(['fast-matmul', 'heap-kernels', 'simd-gemm', 'fused-adam']);
    const wasm = (tf.backend() as unknown as { wasm: { asm: { memory: { buffer: unknown } } } }).wasm;
    expect(wasm.asm.memory.buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('trains to the golden weights (the threaded test checks the same hash)', async () => {
    expect(await trainGoldenModel()).toBe(GOLDEN_WEIGHTS_SHA256);
  });
});
