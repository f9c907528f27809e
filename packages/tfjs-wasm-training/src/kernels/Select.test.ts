import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { elementwiseOperands, stockAndFast } from '../__fixtures__/stock-and-fast.js';
import { setupFastWasm } from '../setup.js';

describe('fast Select (wasm)', () => {
  beforeAll(async () => {
    await import('@tensorflow/tfjs-layers'); // registers the gradients tf.grad needs
    await setupFastWasm();
  });

  it("gives exactly the stock kernel's results, LeakyReLU's gradient included", () => {
    const before = tf.memory().numTensors;
    const [stock, fast] = stockAndFast(() => {
      const out: tf.Tensor[] = [];
      for (const { x, y, withSpecials } of elementwiseOperands()) {
        out.push(
          tf.where(tf.greater(x, y), x, y),
          tf.where(tf.greater(x, 0), x, tf.mul(x, 0.3)),
          tf.where(tf.greater(withSpecials, 0), tf.neg(withSpecials), withSpecials),
        );
      }
      // Broadcasting the condition: the stock kernel's.
      const m = tf.randomNormal([4, 5], 0, 1, 'float32', 9);
      out.push(tf.where(tf.tensor1d([true, false, true, false, true], 'bool'), m, tf.neg(m)));
      out.push(tf.grad((t: tf.Tensor) => tf.sum(tf.leakyRelu(t, 0.3)))(tf.randomNormal([33, 7], 0, 1, 'float32', 4)));
      return out;
    });
    expect(fast).toEqual(stock);
    // NaN, 0, -0 are not > 0 (the else branch, as they are); Inf is (negated); -Inf is not.
    expect(fast[2].slice(-5)).toEqual([NaN, 0, -0, -Infinity, -Infinity]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
