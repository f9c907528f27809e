import * as tf from '@tensorflow/tfjs-core';

/**
 * sign(g) in {−1, 0, 1}, exactly, on every backend. tfjs-backend-wasm's Sign kernel (4.22) returns 0
 * for |g| < FLT_EPSILON ≈ 1.19e-7, and input gradients are often that small (a cross-entropy averaged
 * over a batch of 500 divides them by 500): there, tf.sign would leave such inputs unattacked.
 */
export function exactSign(g: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sub(tf.cast(tf.greater(g, 0), 'float32'), tf.cast(tf.less(g, 0), 'float32')));
}
