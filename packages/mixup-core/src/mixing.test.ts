import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend.js';
import { mixingMatrix, mixRows } from './mixing.js';

describe('mixing', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('builds diag(lambda) + diag(1 - lambda) P, with a permutation fixed point getting weight 1', () => {
    const m = mixingMatrix(0.25, [1, 0, 2]);
    expect(Array.from(m)).toEqual([0.25, 0.75, 0, 0.75, 0.25, 0, 0, 0, 1]);
    const perExample = mixingMatrix([0.1, 0.9], [1, 0]);
    expect(Array.from(perExample).map((v) => Math.round(v * 100) / 100)).toEqual([0.1, 0.9, 0.1, 0.9]);
  });

  it('mixes each row with its partner, for rank-2 and rank-3 activations', () => {
    const h = tf.tensor3d([[[1, 2]], [[3, 4]], [[5, 6]]]);
    const m = tf.tensor2d(mixingMatrix([0.5, 1, 0.25], [2, 0, 1]), [3, 3]);
    const mixed = mixRows(h, m);
    expect(mixed.shape).toEqual([3, 1, 2]);
    // row 0: 0.5*h0 + 0.5*h2; row 1: h1; row 2: 0.25*h2 + 0.75*h1
    expect(Array.from(mixed.dataSync())).toEqual([3, 4, 3, 4, 3.5, 4.5]);
    const flat = mixRows(tf.reshape(h, [3, 2]), m);
    expect(Array.from(flat.dataSync())).toEqual([3, 4, 3, 4, 3.5, 4.5]);
    tf.dispose([h, m, mixed, flat]);
  });
});
