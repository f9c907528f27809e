import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupFastWasm } from '../setup.js';

describe('Cast without a copy (wasm)', () => {
  beforeAll(async () => {
    await setupFastWasm();
  });

  it('shares the buffer when casting to the same dtype, and still converts to another dtype', () => {
    const x = tf.tensor1d([1.5, -2.25, 3]);
    const buffers = tf.memory().numDataBuffers;
    const same = tf.cast(x, 'float32');
    expect(same.dataId).toBe(x.dataId);
    expect(tf.memory().numDataBuffers).toBe(buffers);
    const ints = tf.cast(x, 'int32');
    expect(ints.dataId).not.toBe(x.dataId);
    expect(ints.dtype).toBe('int32');
    expect(Array.from(ints.dataSync())).toEqual([1, -2, 3]);
    x.dispose();
    expect(Array.from(same.dataSync())).toEqual([1.5, -2.25, 3]);
    tf.dispose([same, ints]);
    expect(tf.memory().numDataBuffers).toBe(buffers - 1);
  });
});
