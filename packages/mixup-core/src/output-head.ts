import * as tf from '@tensorflow/tfjs-core';
import type { layers } from '@tensorflow/tfjs-layers';

/**
 * How the model gets logits from its last layer:
 * - 'logits': the last layer is linear; its output is the logits.
 * - 'softmax-activation-removed': the last layer has activation 'softmax' (e.g. Dense); while
 *   our forward pass runs, that activation is linear and we apply softmax ourselves, so the loss
 *   is computed stably from logits (log-softmax) instead of log(softmax(z)). The layer itself is
 *   left as it was: a tf.Sequential sharing it still outputs probabilities.
 * - 'softmax-layer-skipped': the last layer is a separate softmax layer (tf.layers.softmax or
 *   tf.layers.activation({activation: 'softmax'})); we stop before it.
 * - 'probabilities': the user says the output is softmax but we cannot see how; the loss then
 *   falls back to log(clip(p, 1e-7, 1)) (less stable, documented).
 */
export type LogitsSource = 'logits' | 'softmax-activation-removed' | 'softmax-layer-skipped' | 'probabilities';

// Stands in for tfjs-layers' Linear activation: Dense only calls getClassName() and apply().
const LINEAR_ACTIVATION = {
  getClassName: () => 'linear',
  apply: (x: tf.Tensor) => x,
  getConfig: () => ({}),
};

function activationName(layer: layers.Layer): string | undefined {
  const config = layer.getConfig() as { activation?: unknown };
  return typeof config.activation === 'string' ? config.activation : undefined;
}

export function resolveLogitsSource(last: layers.Layer, declared: 'softmax' | 'logits' | undefined): LogitsSource {
  const className = last.getClassName();
  const activation = activationName(last);
  if (className === 'Softmax' || (className === 'Activation' && activation === 'softmax'))
    return 'softmax-layer-skipped';
  if (activation === 'softmax' && 'activation' in last) return 'softmax-activation-removed';
  if (declared === 'softmax') return 'probabilities';
  return 'logits';
}

/**
 * Run `compute` with the softmax of `layer` switched to linear (for 'softmax-activation-removed'),
 * restoring it afterwards. Safe because tfjs computes synchronously: gradients are recorded
 * while `compute` runs and never call the activation again.
 */
export function withLogitsOutput<T>(layer: layers.Layer, source: LogitsSource, compute: () => T): T {
  if (source !== 'softmax-activation-removed') return compute();
  const dense = layer as unknown as { activation: unknown };
  const softmax = dense.activation;
  dense.activation = LINEAR_ACTIVATION;
  try {
    return compute();
  } finally {
    dense.activation = softmax;
  }
}

const PROBABILITY_FLOOR = 1e-7;

/** Log-probabilities from the network's final tensor (logits or, as a fallback, probabilities). */
export function logProbabilities(output: tf.Tensor, source: LogitsSource): tf.Tensor {
  if (source === 'probabilities') return tf.log(tf.clipByValue(output, PROBABILITY_FLOOR, 1));
  return tf.logSoftmax(output);
}

/** Probabilities from the network's final tensor. */
export function probabilities(output: tf.Tensor, source: LogitsSource): tf.Tensor {
  if (source === 'probabilities') return output;
  return tf.softmax(output);
}

/** Mean over the batch of the cross-entropy -sum_c y_c log p_c against soft targets y. */
export function softCrossEntropy(output: tf.Tensor, targets: tf.Tensor, source: LogitsSource): tf.Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(targets, logProbabilities(output, source)), -1))) as tf.Scalar;
}
