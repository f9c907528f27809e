import { rangeError } from '@manifold-mixup/errors';
import * as tf from '@tensorflow/tfjs-core';
import { forEachBatch, inputRows } from './inference.js';
import type { ManifoldMixupModel } from './model.js';
import { found, integerOption, optionsObject } from './option-checks.js';
import { probabilities } from './output-head.js';

export interface ProbabilityGradientOptions {
  /** The class whose probability is differentiated; default 1 (P(class 1), as in a two-class map). */
  classIndex?: number;
  /** Rows per gradient computation; default 1000. Each row's gradient depends on that row only. */
  batchSize?: number;
}

const WHERE = 'probabilityGradientNorms';

/**
 * ‖∇ₓ P(classIndex | x)‖₂ for every row of `x`, the model in inference mode: the exact gradient
 * through the network (tf.grad), not a finite difference, so it measures how steeply the predicted
 * probability changes at each point, a local sharpness of the decision boundary. Returns one
 * non-negative value per row.
 */
export async function probabilityGradientNorms(
  model: ManifoldMixupModel,
  x: Float32Array | tf.Tensor,
  options: ProbabilityGradientOptions = {},
): Promise<Float32Array> {
  const given = optionsObject(options, WHERE, ['classIndex', 'batchSize'], { example: '{ classIndex: 1 }' });
  const classIndex = given.classIndex === undefined ? 1 : integerOption(given.classIndex, WHERE, 'classIndex', 0);
  if (classIndex >= model.numClasses)
    throw rangeError(WHERE, 'classIndex', `must be below numClasses = ${model.numClasses}`, found(classIndex));
  const batchSize = given.batchSize === undefined ? 1000 : integerOption(given.batchSize, WHERE, 'batchSize', 1);
  const { values, n } = await inputRows(model, x, WHERE);
  const out = new Float32Array(n);
  // Summing P over rows before differentiating gives every row its own gradient (rows do not interact).
  // The column is picked with a one-hot product: tf.gather's gradient has no kernel on wasm.
  const summed = (input: tf.Tensor) =>
    tf.tidy(() => {
      const column = tf.oneHot(tf.tensor1d([classIndex], 'int32'), model.numClasses);
      return tf.sum(tf.mul(probabilities(model.forward(input, false), model.logitsSource), column)) as tf.Scalar;
    });
  forEachBatch(
    model,
    values,
    n,
    batchSize,
    (input) => {
      const gradient = tf.grad(summed)(input);
      return tf.sqrt(tf.sum(tf.square(tf.reshape(gradient, [input.shape[0], -1])), 1));
    },
    (norms, start) => out.set(norms, start),
  );
  return out;
}
