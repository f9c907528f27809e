import * as tf from '@tensorflow/tfjs-core';

/**
 * Where and how to mix in one forward pass. `matrix` is the rows x rows mixing matrix
 * M = diag(lambda) + diag(1 - lambda) P (P the pairing permutation), so the mixed batch is
 * M h: one matmul, whose gradient every backend has (tf.gather's needs UnsortedSegmentSum,
 * which tfjs-backend-wasm lacks).
 */
export interface MixPlan {
  layer: number;
  matrix: tf.Tensor2D;
}

/** Row i of the result is lambda_i h_i + (1 - lambda_i) h_perm[i]: the mixing matrix times h. */
export function mixRows(h: tf.Tensor, matrix: tf.Tensor2D): tf.Tensor {
  if (h.rank === 2) return tf.matMul(matrix, h as tf.Tensor2D);
  return tf.reshape(tf.matMul(matrix, tf.reshape(h, [h.shape[0], -1])), h.shape);
}

/** The mixing matrix diag(lambda) + diag(1 - lambda) P for one lambda per row (or one for all). */
export function mixingMatrix(lambda: number | ArrayLike<number>, permutation: ArrayLike<number>): Float32Array {
  const rows = permutation.length;
  const m = new Float32Array(rows * rows);
  for (let i = 0; i < rows; i++) {
    const lam = typeof lambda === 'number' ? lambda : lambda[i];
    m[i * rows + i] += lam;
    m[i * rows + permutation[i]] += 1 - lam;
  }
  return m;
}
