import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countNonFinite } from './count-non-finite.js';
import { setupFastWasm } from './setup.js';

describe('countNonFinite', () => {
  beforeAll(async () => {
    await setupFastWasm();
  });
  afterAll(async () => {
    await tf.setBackend('wasm');
  });

  it('counts NaN and ±Inf in the SIMD body and the scalar tail, and nothing else', () => {
    for (const size of [0, 3, 4, 7, 64, 1001]) {
      const values = Float32Array.from({ length: size }, (_, i) => (i % 3) - 1e30 * (i % 2));
      const bad = [0, size - 1, Math.floor(size / 2)].filter((i) => i >= 0 && i < size);
      const specials = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
      new Set(bad).forEach((i, k) => (values[i] = specials[k % 3]));
      const x = tf.tensor1d(values);
      expect(countNonFinite(x), `size ${size}`).toBe(new Set(bad).size);
      x.dispose();
    }
    const finite = tf.tensor2d([[3.4e38, -3.4e38, 1e-45, 0]]);
    expect(countNonFinite(finite)).toBe(0);
    finite.dispose();
  });

  it('refuses other dtypes and returns null off wasm', async () => {
    const ints = tf.tensor1d([1, 2], 'int32');
    expect(() => countNonFinite(ints)).toThrow(
      new TypeError('countNonFinite: x must be a float32 tensor, found int32'),
    );
    ints.dispose();
    await tf.setBackend('cpu');
    const x = tf.tensor1d([Number.NaN]);
    expect(countNonFinite(x)).toBeNull();
    x.dispose();
  });
});
