import * as tf from '@tensorflow/tfjs-core';
import type { LabeledSet } from '@manifold-mixup/types';
import { featureSize } from './batches.js';
import type { ManifoldMixupModel } from './model.js';

/** The data range attacked inputs are clipped to, e.g. [0, 1] for MNIST pixels; null: no clipping. */
export type ClipRange = readonly [number, number] | null;

/** x + ε·direction, clipped to the data range. */
export function perturb(x: tf.Tensor, direction: tf.Tensor, epsilon: number, clip: ClipRange): tf.Tensor {
  const moved = tf.add(x, tf.mul(direction, epsilon));
  return clip === null ? moved : tf.clipByValue(moved, clip[0], clip[1]);
}

/**
 * Walks the data batch by batch in order, handing each batch's inputs and one-hot labels to `use`
 * inside a tf.tidy: whatever `use` creates is disposed after it returns.
 */
export function forEachLabeledBatch(
  model: ManifoldMixupModel,
  data: LabeledSet<ArrayLike<number>>,
  batchSize: number,
  use: (x: tf.Tensor, oneHot: tf.Tensor, start: number, rows: number) => void,
): void {
  const size = featureSize(model.inputShape);
  for (let start = 0; start < data.n; start += batchSize) {
    const rows = Math.min(batchSize, data.n - start);
    tf.tidy(() => {
      const x = tf.tensor(data.x.subarray(start * size, (start + rows) * size), [rows, ...model.inputShape]);
      const labels = tf.tensor1d(
        Int32Array.from({ length: rows }, (_, r) => data.y[start + r]),
        'int32',
      );
      use(x, tf.oneHot(labels, model.numClasses), start, rows);
    });
  }
}

/** How many of the batch's rows `model` classifies as their labels data.y[start + r]. */
export function countCorrect(
  model: ManifoldMixupModel,
  x: tf.Tensor,
  data: LabeledSet<ArrayLike<number>>,
  start: number,
): number {
  const predicted = tf.tidy(() => tf.argMax(model.forward(x, false), -1));
  const labels = predicted.dataSync();
  predicted.dispose();
  let correct = 0;
  for (let r = 0; r < labels.length; r++) if (labels[r] === data.y[start + r]) correct++;
  return correct;
}
