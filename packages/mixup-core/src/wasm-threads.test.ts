import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend, type BackendInfo } from './backend.js';
import { GOLDEN_WEIGHTS_SHA256, trainGoldenModel } from './__fixtures__/thread-golden.js';

// This file's process runs tfjs-backend-wasm's threaded build (wasm-single-thread.test.ts the other).
// The threads themselves are tfjs-wasm-training's (tested there); here: initBackend and the method.
describe('wasm backend on 2 threads', () => {
  let info: BackendInfo;
  beforeAll(async () => {
    info = await initBackend('wasm', { threads: 2 });
  });

  it('starts XNNPACK on 2 threads over a shared memory, and restores what it patched', () => {
    expect(info).toMatchObject({ name: 'wasm', threads: 2, simd: true, fastMatMul: true });
    expect(info.accelerations).toEqual([
      'fast-matmul',
      'heap-kernels',
      'simd-gemm',
      'fused-adam',
      'threads',
      'heap-kernel-threads',
    ]);
    const wasm = (tf.backend() as unknown as { wasm: { wasmMemory: { buffer: unknown } } }).wasm;
    expect(wasm.wasmMemory.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect((globalThis as { Worker?: unknown }).Worker).toBeUndefined();
  });

  it('trains to the same weights as the single-threaded build', async () => {
    expect(await trainGoldenModel()).toBe(GOLDEN_WEIGHTS_SHA256);
  });

  it('cannot change its thread count once initialised, and says so', async () => {
    await expect(initBackend('wasm', { threads: 1 })).rejects.toThrow(
      /already runs on 2 thread\(s\) in this process; 1 must be asked for before its first initialisation/,
    );
    expect((await initBackend('wasm', { threads: 2 })).threads).toBe(2);
    expect((await initBackend('wasm')).threads).toBe(2);
  });
});
