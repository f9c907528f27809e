import * as tf from '@tensorflow/tfjs-core';
import type { ManifoldMixupModel } from './model.js';
import { logProbabilities, softCrossEntropy, type LogitsSource } from './output-head.js';

/**
 * The loss an attack follows:
 * - 'margin': the logit margin z_y − max_{j≠y} z_j, which the attack decreases. Its gradient with
 *   respect to the logits is e_y − e_j*, never zero, so a saturated softmax cannot mask it.
 * - 'cross-entropy': the cross-entropy at the true label (as `fgsmAccuracy`), which the attack
 *   increases. Its gradient p − y is exactly zero once p_y rounds to 1.
 */
export type AttackLoss = 'margin' | 'cross-entropy';

/**
 * z_y − max_{j≠y} z_j per row, from the network's final tensor. For a model whose output is only
 * known to be probabilities, log p stands in for z (the same margin, since log p = z − logsumexp z),
 * clipped at 1e-7 as the training loss is: there, a class clipped at the floor gets no gradient.
 */
export function logitMargin(output: tf.Tensor, oneHot: tf.Tensor, source: LogitsSource): tf.Tensor1D {
  const z = source === 'probabilities' ? logProbabilities(output, source) : output;
  const own = tf.sum(tf.mul(z, oneHot), -1);
  const others = tf.where(tf.cast(oneHot, 'bool'), tf.fill(z.shape, -Infinity), z);
  return tf.sub(own, tf.max(others, -1)) as tf.Tensor1D;
}

/**
 * The scalar an attack ascends, as a function of the inputs, with the model in inference mode:
 * the mean cross-entropy (exactly what `fgsmAccuracy` differentiates) or minus the summed margin.
 * Each row's input gradient depends on that row only, so the reduction only scales it.
 */
export function attackObjective(
  model: ManifoldMixupModel,
  oneHot: tf.Tensor,
  loss: AttackLoss,
): (x: tf.Tensor) => tf.Scalar {
  if (loss === 'cross-entropy') return (x) => softCrossEntropy(model.forward(x, false), oneHot, model.logitsSource);
  return (x) => tf.neg(tf.sum(logitMargin(model.forward(x, false), oneHot, model.logitsSource))) as tf.Scalar;
}

/** ∇ₓ of the attack objective for one batch. */
export function inputGradient(model: ManifoldMixupModel, x: tf.Tensor, oneHot: tf.Tensor, loss: AttackLoss): tf.Tensor {
  return tf.grad(attackObjective(model, oneHot, loss))(x);
}

/** 1 for each row whose gradient is exactly zero in every component (NaN counts as nonzero), else 0. */
export function zeroGradientRows(gradient: tf.Tensor): Int32Array {
  const rows = gradient.shape[0];
  const nonzero = tf.tidy(() => tf.sum(tf.cast(tf.notEqual(tf.reshape(gradient, [rows, -1]), 0), 'int32'), 1));
  const counts = nonzero.dataSync();
  nonzero.dispose();
  return Int32Array.from(counts, (c) => (c === 0 ? 1 : 0));
}
