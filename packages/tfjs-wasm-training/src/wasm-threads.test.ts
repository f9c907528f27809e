import os from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import { denseProducts } from './__fixtures__/float32-gemm.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '@manifold-mixup/random';
import { fusedAdamAvailable, fusedAdamUpdate } from './fused-adam.js';
import { fastTranspose, heapKernels, heapKernelSlices, type WasmBackendInternals } from './heap-kernels.js';
import { setupFastWasm, type FastWasmInfo } from './setup.js';
import { withHelperThread } from './__fixtures__/helper-thread.js';
import { PLAIN_GOLDEN_SHA256, trainPlainModel } from './__fixtures__/plain-model.js';

// This file's process runs tfjs-backend-wasm's threaded build (the other test files the single-threaded one).
describe('wasm backend on 2 threads', () => {
  let info: FastWasmInfo;
  const cpus = os.cpus;
  beforeAll(async () => {
    info = await setupFastWasm({ threads: 2 });
  });

  it('starts XNNPACK on 2 threads over a shared memory, and restores what it patched', () => {
    expect(info).toEqual({
      threads: 2,
      simd: true,
      accelerations: ['fast-matmul', 'heap-kernels', 'simd-gemm', 'fused-adam', 'threads', 'heap-kernel-threads'],
    });
    const wasm = (tf.backend() as unknown as { wasm: { wasmMemory: { buffer: unknown } } }).wasm;
    expect(wasm.wasmMemory.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect((globalThis as { Worker?: unknown }).Worker).toBeUndefined();
    expect(os.cpus).toBe(cpus);
  });

  it('runs our SIMD heap kernels on the shared memory', () => {
    expect(heapKernels(tf.backend())).not.toBeNull();
    const x = tf.tensor2d([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const y = tf.matMul(tf.ones([2, 2]), x, true, false); // transposes through the heap kernels
    expect(Array.from(y.dataSync())).toEqual([5, 7, 9, 5, 7, 9]);
    tf.dispose([x, y]);
  });

  it('trains a plain tf.LayersModel to the same weights as the single-threaded build', async () => {
    expect((await trainPlainModel()).sha256).toBe(PLAIN_GOLDEN_SHA256);
  });

  it('cannot change its thread count once initialised, and says so', async () => {
    await expect(setupFastWasm({ threads: 1 })).rejects.toThrow(
      'the wasm backend already runs on 2 thread(s) in this process; 1 must be asked for before its first initialisation',
    );
    expect((await setupFastWasm({ threads: 2 })).threads).toBe(2);
    expect((await setupFastWasm()).threads).toBe(2);
    expect((await setupFastWasm({ threads: 'available' })).threads).toBe(2);
  });
});

describe('heap kernels split between the calling thread and a helper thread', () => {
  beforeAll(withHelperThread);

  it('has a helper thread ready', () => {
    expect(heapKernelSlices(tf.backend())).toBe(2);
  });

  it('transpose big ragged matrices exactly, with and without a row bias', () => {
    const [rows, cols] = [517, 301]; // 155,617 elements: two slices, edges not multiples of 4
    const rng = mulberry32(4);
    const values = Float32Array.from({ length: rows * cols }, () => rng() - 0.5);
    const biasValues = Float32Array.from({ length: rows }, () => rng());
    const backend = tf.backend() as unknown as WasmBackendInternals;
    const x = tf.tensor2d(values, [rows, cols]);
    const bias = tf.tensor1d(biasValues);
    for (const withBias of [false, true]) {
      const info = fastTranspose(backend, x, withBias ? bias : undefined);
      const out = tf.engine().makeTensorFromTensorInfo(info!);
      const got = out.dataSync();
      const expected = new Float32Array(rows * cols);
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++)
          expected[j * rows + i] = withBias ? Math.fround(values[i * cols + j] + biasValues[i]) : values[i * cols + j];
      }
      expect(out.shape).toEqual([cols, rows]);
      expect(Buffer.from(got.buffer, got.byteOffset, got.byteLength).equals(Buffer.from(expected.buffer))).toBe(true);
      out.dispose();
    }
    tf.dispose([x, bias]);
  });

  it("run Adam's update in slices (an L2 penalty folded in or not), bit-identical to f32 arithmetic element by element", () => {
    const n = 200_003;
    const rng = mulberry32(8);
    const draw = () => Float32Array.from({ length: n }, () => rng() - 0.5);
    const [w, g, m] = [draw(), draw(), draw()];
    const v = Float32Array.from({ length: n }, () => rng());
    const s = { beta1: 0.9, oneMinusBeta1: 0.1, beta2: 0.999, oneMinusBeta2: 0.001, epsilon: 1e-7, step: -1e-3 };
    const f = Math.fround;
    const tensors = [w, g, m, v].map((a) => tf.tensor1d(a));
    expect(fusedAdamAvailable()).toBe(true);
    // Without and with an L2 penalty folded in (g + (l2·w)·2 first).
    for (const l2 of [0, 5e-3]) {
      const outs = fusedAdamUpdate(tensors[0], tensors[1], tensors[2], tensors[3], { ...s, l2 });
      const values = outs.map((t) => t.dataSync());
      let mismatches = 0;
      for (let k = 0; k < n; k++) {
        const gk = l2 === 0 ? g[k] : f(g[k] + f(f(f(l2) * w[k]) * 2));
        const m2 = f(f(m[k] * f(s.beta1)) + f(gk * f(s.oneMinusBeta1)));
        const v2 = f(f(v[k] * f(s.beta2)) + f(f(gk * gk) * f(s.oneMinusBeta2)));
        const w2 = f(w[k] + f(f(m2 / f(f(Math.sqrt(v2)) + f(s.epsilon))) * f(s.step)));
        if (values[0][k] !== w2 || values[1][k] !== m2 || values[2][k] !== v2) mismatches++;
      }
      expect(mismatches, `l2 ${l2}`).toBe(0);
      tf.dispose(outs);
    }
    tf.dispose(tensors);
  });

  it('cut the GEMM of every dense-layer product between the threads, bit-identical to float32 sums in order', () => {
    // 64 × 200 · 200 × 256: 32 panels of 8 columns, two slices.
    for (const [got, expected] of denseProducts(64, 200, 256)) expect(got).toEqual(expected);
  });
});
