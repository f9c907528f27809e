import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend.js';
import { exactSign } from './exact-sign.js';

const VALUES = [1e-40, -1e-40, 1e-30, -1e-8, 1e-7, 0, -0, 3, -2];

describe.each(['cpu', 'wasm'] as const)('exactSign on %s', (backend) => {
  beforeAll(async () => {
    await initBackend(backend);
  });

  it('is −1, 0 or 1 however small the value, and 0 for NaN', () => {
    const signs = tf.tidy(() => Array.from(exactSign(tf.tensor([...VALUES, NaN])).dataSync()));
    expect(signs).toEqual([1, -1, 1, -1, 1, 0, 0, 1, -1, 0]);
  });

  it('differs from tf.sign only where the wasm kernel rounds |g| < FLT_EPSILON to 0 (why it exists)', () => {
    const stock = tf.tidy(() => Array.from(tf.sign(tf.tensor(VALUES)).dataSync()));
    expect(stock).toEqual(backend === 'wasm' ? [0, 0, 0, 0, 0, 0, 0, 1, -1] : [1, -1, 1, -1, 1, 0, 0, 1, -1]);
  });
});
