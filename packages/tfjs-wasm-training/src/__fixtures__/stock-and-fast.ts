import * as tf from '@tensorflow/tfjs-core';
import { installFastWasmKernels, uninstallFastWasmKernels } from '../register-fast-kernels.js';

/** The values of the tensors `run` returns, with the stock wasm kernels and then with ours: [stock, fast]. */
export function stockAndFast(run: () => tf.Tensor[]): [stock: number[][], fast: number[][]] {
  const values = (): number[][] => tf.tidy(() => run().map((t) => Array.from(t.dataSync())));
  uninstallFastWasmKernels();
  let stock: number[][];
  try {
    stock = values();
  } finally {
    installFastWasmKernels();
  }
  return [stock, values()];
}

/**
 * Float32 operands of lengths the SIMD kernels handle differently (below one vector, ragged tails):
 * x and y of n values each, and x followed by NaN, 0, −0, +∞, −∞.
 */
export function elementwiseOperands(): Array<{ n: number; x: tf.Tensor1D; y: tf.Tensor1D; withSpecials: tf.Tensor1D }> {
  return [1, 3, 16, 37, 1000].map((n) => {
    const x = tf.randomNormal([n], 0, 1, 'float32', n) as tf.Tensor1D;
    const y = tf.randomNormal([n], 0, 1, 'float32', n + 1) as tf.Tensor1D;
    return { n, x, y, withSpecials: tf.concat([x, tf.tensor1d([NaN, 0, -0, Infinity, -Infinity])]) };
  });
}
