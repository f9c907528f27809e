// fit's data, tfjs-style: tensors or flat arrays of examples and targets (class indices or one-hot rows)
// become the LabeledSet the training loop reads, checked in the same pass: shapes against the model,
// labels against its classes, every value finite. A bad value is named by its row, as the user
// would look it up.
import { describeFound, rangeError, typeError } from '@manifold-mixup/errors';
import * as tf from '@tensorflow/tfjs-core';
import type { LabeledSet } from '@manifold-mixup/types';
import { featureSize } from './batches.js';
import { checkFiniteRows } from './finite-rows.js';
import type { FitInput, FitTargets } from './types.js';

/** The values of a tensor or flat array as numbers, with the rows they hold (null: count from the length). */
async function valuesOf(
  value: FitInput | FitTargets,
  where: string,
  field: string,
  kind: string,
): Promise<{ values: ArrayLike<number>; shape: number[] | null }> {
  if (value instanceof tf.Tensor) return { values: await value.data(), shape: value.shape };
  if (value == null || typeof value !== 'object' || typeof (value as ArrayLike<number>).length !== 'number')
    throw typeError(where, field, `must be a tf.Tensor or a flat array of ${kind}`, describeFound(value));
  const array = value as ArrayLike<unknown>;
  if (array.length > 0 && typeof array[0] !== 'number') {
    const hint = Array.isArray(array[0]) ? ' (nested arrays: pass tf.tensor(values) or flatten them)' : '';
    throw typeError(where, field, `must be a tf.Tensor or a flat array of ${kind}${hint}`, describeFound(value));
  }
  return { values: array as ArrayLike<number>, shape: null };
}

/** Examples as a Float32Array of whole rows of `inputShape`, finite. */
async function examples(
  x: FitInput,
  inputShape: readonly number[],
  where: string,
  field: string,
): Promise<{ x: Float32Array; n: number }> {
  const { values, shape } = await valuesOf(x, where, field, 'numbers (whole examples, row by row)');
  const size = featureSize(inputShape);
  let n: number;
  if (shape != null) {
    const expected = `[rows, ${inputShape.join(', ')}]`;
    if (shape.length !== inputShape.length + 1 || shape.slice(1).some((d, i) => d !== inputShape[i]))
      throw rangeError(
        where,
        field,
        `must be a tensor of shape ${expected} (the model's inputShape)`,
        `[${shape.join(', ')}]`,
      );
    n = shape[0];
  } else {
    if (values.length % size !== 0) {
      const requirement = `must hold whole examples of ${size} values (inputShape [${inputShape.join(', ')}])`;
      throw rangeError(where, field, requirement, `${values.length} values`);
    }
    n = values.length / size;
  }
  if (n === 0) throw rangeError(where, field, 'must hold at least one example', 'none');
  checkFiniteRows(values, inputShape, where, field);
  return { x: values instanceof Float32Array ? values : Float32Array.from(values), n };
}

/** One class index per row, from class indices or one-hot rows. */
async function labels(y: FitTargets, n: number, numClasses: number, where: string, field: string): Promise<Int32Array> {
  const { values, shape } = await valuesOf(y, where, field, 'class indices or one-hot rows');
  const oneHot = shape != null ? shape.length === 2 && shape[1] !== 1 : values.length === n * numClasses;
  const expected = `class indices [${n}] or one-hot rows [${n}, ${numClasses}] (numClasses = ${numClasses})`;
  const rows = shape != null ? shape[0] : oneHot ? values.length / numClasses : values.length;
  if (rows !== n || (shape != null && (shape.length > 2 || (oneHot && shape[1] !== numClasses)))) {
    const what = shape != null ? `shape [${shape.join(', ')}]` : `${values.length} values`;
    throw rangeError(where, field, `must hold ${expected}, one per example`, what);
  }
  const out = new Int32Array(n);
  if (!oneHot) {
    for (let i = 0; i < n; i++) {
      const label = values[i];
      if (!Number.isInteger(label) || label < 0 || label >= numClasses)
        throw rangeError(where, `${field}[${i}]`, `must be a class index in [0, ${numClasses})`, String(label));
      out[i] = label;
    }
    return out;
  }
  for (let i = 0; i < n; i++) {
    let hot = -1;
    for (let c = 0; c < numClasses; c++) {
      const v = values[i * numClasses + c];
      if (v === 1 && hot < 0) hot = c;
      else if (v !== 0) hot = -2;
    }
    if (hot < 0) {
      const row = Array.from({ length: numClasses }, (_, c) => values[i * numClasses + c]);
      throw rangeError(
        where,
        field,
        'must hold one-hot rows (a single 1, zeros elsewhere)',
        `[${row.join(', ')}] at row ${i}`,
      );
    }
    out[i] = hot;
  }
  return out;
}

/**
 * `x` and `y` as tf.LayersModel.fit takes them, as a LabeledSet for a model of `inputShape` and
 * `numClasses`; `fields` name them in messages (`x`, `options.validationData[0]`).
 */
export async function toLabeledSet(
  x: FitInput,
  y: FitTargets,
  model: { inputShape: readonly number[]; numClasses: number },
  where: string,
  fields: readonly [string, string],
): Promise<LabeledSet<Int32Array>> {
  const rows = await examples(x, model.inputShape, where, fields[0]);
  const y32 = await labels(y, rows.n, model.numClasses, where, fields[1]);
  return { x: rows.x, y: y32, n: rows.n, shape: model.inputShape, numClasses: model.numClasses };
}
