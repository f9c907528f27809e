import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupFastWasm } from '../setup.js';

describe('Identity without a copy (wasm)', () => {
  beforeAll(async () => {
    await setupFastWasm();
  });

  it('shares the buffer with correct reference counting', () => {
    const x = tf.tensor2d([
      [1, 2],
      [3, 4],
    ]);
    const buffers = tf.memory().numDataBuffers;
    const copy = tf.clone(x);
    expect(copy.dataId).toBe(x.dataId);
    expect(tf.memory().numDataBuffers).toBe(buffers); // shared, not copied
    x.dispose();
    expect(Array.from(copy.dataSync())).toEqual([1, 2, 3, 4]);
    copy.dispose();
    expect(tf.memory().numDataBuffers).toBe(buffers - 1);
  });
});
