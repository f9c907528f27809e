import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { elementwiseOperands, stockAndFast } from '../__fixtures__/stock-and-fast.js';
import { setupFastWasm } from '../setup.js';

describe('fast Greater (wasm)', () => {
  beforeAll(async () => {
    await setupFastWasm();
  });

  it("gives exactly the stock kernel's results (NaN, signed zeros, infinities, scalars, ragged tails)", () => {
    const before = tf.memory().numTensors;
    const [stock, fast] = stockAndFast(() => {
      const out: tf.Tensor[] = [];
      for (const { n, x, y, withSpecials } of elementwiseOperands()) {
        out.push(
          tf.greater(withSpecials, 0),
          tf.greater(x, y),
          tf.greater(x, tf.scalar(0.25)),
          tf.greater(tf.reshape(x, [n, 1]), tf.tensor2d([[0.1]])),
        );
      }
      // Broadcasting along an axis: the stock kernel's.
      out.push(tf.greater(tf.randomNormal([4, 5], 0, 1, 'float32', 9), tf.tensor1d([0, 0.5, -0.5, 1, 2])));
      return out;
    });
    expect(fast).toEqual(stock);
    expect(fast[0].slice(-5)).toEqual([0, 0, 0, 1, 0]); // NaN > 0, 0 > 0, -0 > 0, Inf > 0, -Inf > 0
    expect(tf.memory().numTensors).toBe(before);
  });
});
