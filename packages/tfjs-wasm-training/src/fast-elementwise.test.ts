import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupFastWasm } from './setup.js';
import { installFastWasmKernels, uninstallFastWasmKernels } from './fast-matmul.js';

// greater/where in all the shapes the SIMD kernels take (and some they leave to the stock ones).
function run(): number[][] {
  return tf.tidy(() => {
    const out: tf.Tensor[] = [];
    for (const n of [1, 3, 16, 37, 1000]) {
      const x = tf.randomNormal([n], 0, 1, 'float32', n);
      const y = tf.randomNormal([n], 0, 1, 'float32', n + 1);
      const withSpecials = tf.concat([x, tf.tensor1d([NaN, 0, -0, Infinity, -Infinity])]);
      out.push(
        tf.greater(withSpecials, 0),
        tf.greater(x, y),
        tf.greater(x, tf.scalar(0.25)),
        tf.greater(tf.reshape(x, [n, 1]), tf.tensor2d([[0.1]])),
      );
      out.push(tf.where(tf.greater(x, y), x, y), tf.where(tf.greater(x, 0), x, tf.mul(x, 0.3)));
    }
    const m = tf.randomNormal([4, 5], 0, 1, 'float32', 9);
    out.push(
      tf.greater(m, tf.tensor1d([0, 0.5, -0.5, 1, 2])),
      tf.where(tf.tensor1d([true, false, true, false, true], 'bool'), m, tf.neg(m)),
    ); // broadcasting: stock path
    out.push(tf.grad((t: tf.Tensor) => tf.sum(tf.leakyRelu(t, 0.3)))(tf.randomNormal([33, 7], 0, 1, 'float32', 4)));
    return out.map((t) => Array.from(t.dataSync()));
  });
}

describe('fast Greater and Select (wasm)', () => {
  beforeAll(async () => {
    await import('@tensorflow/tfjs-layers'); // registers the gradients tf.grad needs
    await setupFastWasm();
  });

  it('give exactly the stock kernels results (NaN, signed zeros, infinities, scalars, ragged tails)', () => {
    const before = tf.memory().numTensors;
    uninstallFastWasmKernels();
    const stock = run();
    installFastWasmKernels();
    const fast = run();
    expect(fast).toEqual(stock);
    expect(fast[0].slice(-5)).toEqual([0, 0, 0, 1, 0]); // NaN > 0, 0 > 0, -0 > 0, Inf > 0, -Inf > 0
    expect(tf.memory().numTensors).toBe(before);
  });
});
