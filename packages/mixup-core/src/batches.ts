import { describeFound, numberError, rangeError, typeError } from '@manifold-mixup/errors';
import * as tf from '@tensorflow/tfjs-core';
import type { LabeledSet } from '@manifold-mixup/types';
import { found } from './option-checks.js';
import { checkFiniteRows } from './finite-rows.js';

/** prod(shape): the number of features per example. */
export function featureSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * Check a LabeledSet against the model's input shape and class count: a TypeError for a part of the
 * wrong kind, a RangeError for sizes, labels or values not allowed (NaN or ±Infinity in `x` is named
 * by row and feature). `what` is `<function>: <argument>` (`fit: options.validation`); messages name
 * the part (`fit: options.validation.y[3] must be ...`).
 */
export function checkLabeledSet(
  data: LabeledSet<ArrayLike<number>>,
  inputShape: readonly number[],
  numClasses: number,
  what: string,
): void {
  const [where, field] = what.split(': ', 2);
  if (data == null || typeof data !== 'object')
    throw typeError(where, field, 'must be a LabeledSet { x, y, n, shape }', found(data));
  if (!(data.x instanceof Float32Array)) {
    const hint = (data.x as unknown) instanceof tf.Tensor ? ' (for tensors, call fit(x, y, options))' : '';
    throw typeError(where, `${field}.x`, `must be a Float32Array${hint}`, describeFound(data.x));
  }
  if (!Number.isInteger(data.n) || data.n < 1)
    throw numberError(where, `${field}.n`, 'must be a positive integer', data.n);
  const shapeRequirement = 'must be the per-example feature shape, an array of positive integers';
  // Without these, a set built by hand without `shape` fails below with a TypeError about `reduce`.
  if (!Array.isArray(data.shape)) throw typeError(where, `${field}.shape`, shapeRequirement, found(data.shape));
  if (!data.shape.every((d) => Number.isInteger(d) && d > 0))
    throw rangeError(where, `${field}.shape`, shapeRequirement, JSON.stringify(data.shape));
  const size = featureSize(inputShape);
  if (featureSize(data.shape) !== size) {
    const requirement = `must hold ${size} features per example (model inputShape [${inputShape.join(', ')}])`;
    throw rangeError(where, `${field}.shape`, requirement, `[${data.shape.join(', ')}]`);
  }
  if (data.x.length !== data.n * size) {
    const requirement = `must hold n * features = ${data.n} * ${size} = ${data.n * size} values`;
    throw rangeError(where, `${field}.x`, requirement, describeFound(data.x));
  }
  if (data.y == null || typeof data.y.length !== 'number')
    throw typeError(where, `${field}.y`, 'must be an array of class indices', found(data.y));
  if (data.y.length !== data.n)
    throw rangeError(where, `${field}.y`, `must hold n = ${data.n} labels`, describeFound(data.y));
  // Optional in practice (sets built by hand in JavaScript); when given, it must be the model's.
  if (data.numClasses != null && data.numClasses !== numClasses)
    throw numberError(where, `${field}.numClasses`, `must be the model's numClasses, ${numClasses}`, data.numClasses);
  for (let i = 0; i < data.n; i++) {
    const label = data.y[i];
    if (!Number.isInteger(label) || label < 0 || label >= numClasses) {
      throw numberError(where, `${field}.y[${i}]`, `must be a class index in [0, ${numClasses})`, label);
    }
  }
  checkFiniteRows(data.x, data.shape, where, `${field}.x`);
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
