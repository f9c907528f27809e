import * as tf from '@tensorflow/tfjs-core';
import type { LabeledSet } from '@manifold-mixup/types';

/** prod(shape): the number of features per example. */
export function featureSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Check a LabeledSet against the model's input shape and class count; errors name the field. */
export function checkLabeledSet(
  data: LabeledSet<ArrayLike<number>>,
  inputShape: readonly number[],
  numClasses: number,
  what: string,
): void {
  if (data == null || !(data.x instanceof Float32Array))
    throw new Error(`${what}.x: expected a Float32Array, found ${data == null ? data : typeof data.x}`);
  if (!Number.isInteger(data.n) || data.n < 1)
    throw new Error(`${what}.n: expected a positive integer, found ${data.n}`);
  if (!Array.isArray(data.shape) || !data.shape.every((d) => Number.isInteger(d) && d > 0)) {
    // Without this, a set built by hand without `shape` fails below with a TypeError about `reduce`.
    throw new Error(
      `${what}.shape: expected the per-example feature shape, an array of positive integers, found ${JSON.stringify(data.shape)}`,
    );
  }
  const size = featureSize(inputShape);
  if (featureSize(data.shape) !== size) {
    throw new Error(
      `${what}.shape: expected ${size} features per example (model inputShape [${inputShape.join(', ')}]), found [${data.shape.join(', ')}]`,
    );
  }
  if (data.x.length !== data.n * size)
    throw new Error(`${what}.x: expected ${data.n} * ${size} = ${data.n * size} values, found ${data.x.length}`);
  if (data.y.length !== data.n) throw new Error(`${what}.y: expected ${data.n} labels, found ${data.y.length}`);
  for (let i = 0; i < data.n; i++) {
    const label = data.y[i];
    if (!Number.isInteger(label) || label < 0 || label >= numClasses) {
      throw new Error(`${what}.y[${i}]: expected a class index in [0, ${numClasses}), found ${label}`);
    }
  }
}

/** Reusable buffers for one training batch: rows are copied in, then handed to tf.tensor. */
export class BatchBuffer {
  private readonly x: Float32Array;
  private readonly y: Float32Array;
  private readonly rowSize: number;

  constructor(
    readonly batchSize: number,
    readonly shape: readonly number[],
    readonly numClasses: number,
  ) {
    this.rowSize = featureSize(shape);
    this.x = new Float32Array(batchSize * this.rowSize);
    this.y = new Float32Array(batchSize * numClasses);
  }

  /** Tensors for rows order[start .. start+rows) of `data`: features and one-hot targets. */
  fill(
    data: LabeledSet<ArrayLike<number>>,
    order: ArrayLike<number>,
    start: number,
    rows: number,
  ): { x: tf.Tensor; y: tf.Tensor2D } {
    const { rowSize, numClasses } = this;
    const y = this.y.subarray(0, rows * numClasses);
    y.fill(0);
    for (let r = 0; r < rows; r++) {
      const i = order[start + r];
      this.x.set(data.x.subarray(i * rowSize, (i + 1) * rowSize), r * rowSize);
      y[r * numClasses + data.y[i]] = 1;
    }
    // tf.tensor copies into backend memory on wasm; on cpu it keeps a reference, so the
    // tensors must be disposed before the next fill (the training step does).
    return {
      x: tf.tensor(this.x.subarray(0, rows * rowSize), [rows, ...this.shape]),
      y: tf.tensor2d(y, [rows, numClasses]),
    };
  }
}
