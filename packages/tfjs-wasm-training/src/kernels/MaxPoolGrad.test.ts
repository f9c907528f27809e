import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupFastWasm } from '../setup.js';
import { maxPoolGradOf, POOL_GOLDEN_SHA256, sha256, SPLIT_POOLS } from '../__fixtures__/conv-cases.js';

const POOL_CASES: Array<Parameters<typeof maxPoolGradOf>> = [
  // Non-overlapping windows (the convnet's pools), overlapping ones, rectangular ones, padded ones.
  [[3, 26, 26, 32], 2, 2, 'valid', 1],
  [[2, 11, 11, 64], 2, 2, 'valid', 2],
  [[2, 9, 7, 5], 3, 2, 'same', 3],
  [[2, 9, 8, 6], 3, 1, 'valid', 4],
  [[1, 7, 7, 3], [2, 3], [1, 2], 'same', 5],
  [[2, 5, 5, 4], 2, 2, 1, 6],
  [[1, 4, 4, 1], 4, 1, 'same', 7],
];

describe('our MaxPoolGrad against tfjs-backend-cpu', () => {
  let cpu: Float32Array[];
  let wasm: Float32Array[];
  let memory: { before: tf.MemoryInfo; after: tf.MemoryInfo };
  beforeAll(async () => {
    await setupFastWasm({ threads: 1 });
    await tf.setBackend('cpu');
    cpu = POOL_CASES.map((c) => maxPoolGradOf(...c));
    await tf.setBackend('wasm');
    const before = tf.memory();
    wasm = POOL_CASES.map((c) => maxPoolGradOf(...c));
    memory = { before, after: tf.memory() };
  });

  it('routes dy to the first maximum of each window, ties (integer inputs) included', () => {
    POOL_CASES.forEach((c, i) => {
      // Non-overlapping windows add one dy at most: exact. Overlapping ones sum up to 9 values, in
      // float32 here and float64 on cpu: within 9 · 2⁻²⁴ of the largest |dy| (< 1).
      const overlapping =
        (Array.isArray(c[2]) ? Math.min(...c[2]) : c[2]) < (Array.isArray(c[1]) ? Math.max(...c[1]) : c[1]);
      const worst = Math.max(...Array.from(wasm[i], (v, k) => Math.abs(v - cpu[i][k])));
      if (overlapping) expect(worst, `case ${i}`).toBeLessThan(9 * 2 ** -24);
      else expect(Array.from(wasm[i]), `case ${i}`).toEqual(Array.from(cpu[i]));
    });
  });

  it('never routes a gradient to a NaN, and none at all from a window of -Infinity, as the cpu kernel', async () => {
    const inf = -Infinity;
    const run = () =>
      tf.tidy(() => {
        const x = tf.tensor4d([NaN, 1, 2, NaN, inf, inf, inf, inf, inf, inf, inf, inf], [1, 2, 6, 1]);
        const dy = tf.tensor4d([10, 20, 30], [1, 1, 3, 1]);
        const attrs = { filterSize: 2, strides: 2, pad: 'valid' };
        return Array.from(
          (tf.engine().runKernel('MaxPoolGrad', { dy, input: x, output: dy }, attrs) as tf.Tensor).dataSync(),
        );
      });
    const expected = [0, 10, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(run()).toEqual(expected);
    await tf.setBackend('cpu');
    try {
      expect(run()).toEqual(expected);
    } finally {
      await tf.setBackend('wasm');
    }
  });

  it('computes the same bits every time: the golden SHA-256 (the 2-thread test checks it too)', () => {
    expect(sha256(SPLIT_POOLS.map((c, i) => maxPoolGradOf(...c, i)))).toBe(POOL_GOLDEN_SHA256);
  });

  it('leaves no tensor and no buffer behind', () => {
    expect(memory.after).toMatchObject({
      numTensors: memory.before.numTensors,
      numDataBuffers: memory.before.numDataBuffers,
    });
  });
});
