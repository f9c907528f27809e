import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupFastWasm } from '../setup.js';
import { stockAndFast } from '../__fixtures__/stock-and-fast.js';

describe('Sum over leading axes (a bias gradient) on wasm', () => {
  beforeAll(async () => {
    await setupFastWasm({ threads: 1 });
  });

  it("gives the stock kernel's bits: conv and dense bias gradients, ragged widths, keepDims, -0", () => {
    const [stock, fast] = stockAndFast(() => {
      const convDy = tf.randomNormal([16, 26, 26, 32], 0, 1, 'float32', 1);
      const ragged = tf.randomNormal([7, 5, 13], 0, 1, 'float32', 2);
      return [
        tf.sum(convDy, [0, 1, 2]),
        tf.sum(convDy, [0, 1]),
        tf.sum(ragged, 0, true),
        tf.sum(ragged, [0, 1]),
        tf.sum(tf.tensor2d([-0, -0, 1, -0], [2, 2]), 0),
      ];
    });
    expect(fast).toEqual(stock);
    expect(Object.is(fast[4][1], 0)).toBe(true); // 0 + (-0) + (-0): +0, as a loop from 0 gives
  });

  it('leaves the other sums to the stock kernel', () => {
    const [stock, fast] = stockAndFast(() => {
      const x = tf.randomNormal([6, 5, 4], 0, 1, 'float32', 3);
      // Leading axes named out of order: wasm's Sum then sums in that order.
      const axesOutOfOrder = tf.sum(tf.randomNormal([16, 26, 26, 32], 0, 1, 'float32', 4), [1, 0]);
      return [
        tf.sum(x, 1),
        tf.sum(x, [0, 2]),
        tf.sum(x),
        tf.sum(tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32'), 0),
        axesOutOfOrder,
      ];
    });
    expect(fast).toEqual(stock);
  });

  it('makes no copy and leaks nothing', () => {
    const x = tf.randomNormal([64, 32]);
    const before = tf.memory();
    tf.sum(x, 0).dispose();
    expect(tf.memory()).toMatchObject({ numTensors: before.numTensors, numDataBuffers: before.numDataBuffers });
    x.dispose();
  });
});
