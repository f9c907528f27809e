import { describeFound, rangeError, typeError } from '@manifold-mixup/errors';
import * as tf from '@tensorflow/tfjs-core';
import type { LabeledSet } from '@manifold-mixup/types';
import { checkLabeledSet, featureSize } from './batches.js';
import { MetricsAccumulator, type ClassificationMetrics } from './metrics.js';
import type { ManifoldMixupModel } from './model.js';
import { found, integerOption, optionsObject } from './option-checks.js';
import { logProbabilities, probabilities } from './output-head.js';

const DEFAULT_BATCH = 1000;
const FORMER_N = ' (predict no longer takes a row count n: it predicts every row of x)';

/** The batch size from the options object of predict, evaluate or activations (undefined: none). */
function batchSizeOption(options: unknown, what: 'predict' | 'evaluate' | 'activations'): number {
  const hint = what === 'predict' && typeof options === 'number' ? FORMER_N : '';
  const { batchSize } = optionsObject(options, what, ['batchSize'], { example: '{ batchSize: 1000 }', hint });
  return batchSize === undefined ? DEFAULT_BATCH : integerOption(batchSize, what, 'batchSize', 1);
}

/** Examples as a Float32Array of whole rows: the row count comes from x's length or its tensor shape. */
export async function inputRows(
  model: ManifoldMixupModel,
  x: Float32Array | tf.Tensor,
  what: string,
): Promise<{ values: Float32Array; n: number }> {
  const size = featureSize(model.inputShape);
  if (x instanceof tf.Tensor) {
    const expected = `[rows, ${model.inputShape.join(', ')}]`;
    if (x.rank !== model.inputShape.length + 1 || x.shape.slice(1).some((d, i) => d !== model.inputShape[i]))
      throw rangeError(what, 'x', `must be a tensor of shape ${expected}`, `[${x.shape.join(', ')}]`);
    // data() is already a copy (wasm) or read-only use of the backing array (cpu): copy only to convert.
    const data = await x.data();
    return { values: data instanceof Float32Array ? data : Float32Array.from(data), n: x.shape[0] };
  }
  if (!(x instanceof Float32Array)) {
    // A common slip: passing a whole LabeledSet where its features are expected.
    const hint = x != null && typeof x === 'object' && 'x' in x ? ' (pass set.x, not the set)' : '';
    throw typeError(what, 'x', `must be a Float32Array or a tf.Tensor${hint}`, describeFound(x));
  }
  if (x.length % size !== 0) {
    const requirement = `must hold whole examples of ${size} values (inputShape [${model.inputShape.join(', ')}])`;
    throw rangeError(what, 'x', requirement, `${x.length} values`);
  }
  return { values: x, n: x.length / size };
}

/**
 * Run `compute` on consecutive batches of rows, copying each result out before the next
 * batch starts: at most one batch of activations is alive at a time.
 */
export function forEachBatch(
  model: ManifoldMixupModel,
  x: Float32Array,
  n: number,
  batchSize: number,
  compute: (input: tf.Tensor) => tf.Tensor,
  consume: (values: Float32Array, start: number, rows: number, shape: number[]) => void,
): void {
  const size = featureSize(model.inputShape);
  for (let start = 0; start < n; start += batchSize) {
    const rows = Math.min(batchSize, n - start);
    const output = tf.tidy(() =>
      compute(tf.tensor(x.subarray(start * size, (start + rows) * size), [rows, ...model.inputShape])),
    );
    try {
      consume(output.dataSync() as Float32Array, start, rows, output.shape);
    } finally {
      output.dispose();
    }
  }
}

export async function predictModel(
  model: ManifoldMixupModel,
  input: Float32Array | tf.Tensor,
  options: unknown,
): Promise<Float32Array> {
  const batchSize = batchSizeOption(options, 'predict');
  const { values: x, n } = await inputRows(model, input, 'predict');
  const out = new Float32Array(n * model.numClasses);
  forEachBatch(
    model,
    x,
    n,
    batchSize,
    (input) => probabilities(model.forward(input, false), model.logitsSource),
    (values, start) => out.set(values, start * model.numClasses),
  );
  return out;
}

export async function evaluateModel(
  model: ManifoldMixupModel,
  data: LabeledSet<ArrayLike<number>>,
  options: unknown,
): Promise<ClassificationMetrics> {
  const batchSize = batchSizeOption(options, 'evaluate');
  checkLabeledSet(data, model.inputShape, model.numClasses, 'evaluate: data');
  return evaluateRows(model, data, batchSize);
}

/** evaluate's metrics of a set already checked (fit's validation rows, checked once before the first epoch). */
export function evaluateRows(
  model: ManifoldMixupModel,
  data: LabeledSet<ArrayLike<number>>,
  batchSize: number,
): ClassificationMetrics {
  const metrics = new MetricsAccumulator(model.numClasses);
  forEachBatch(
    model,
    data.x,
    data.n,
    batchSize,
    (input) => logProbabilities(model.forward(input, false), model.logitsSource),
    (values, start, rows) => metrics.add(values, rows, data.y, start),
  );
  return metrics.result();
}

function layerIndex(model: ManifoldMixupModel, layer: number | string): number {
  if (typeof layer === 'number') {
    if (!Number.isInteger(layer) || layer < 0 || layer >= model.layers.length) {
      throw rangeError(
        'activations',
        'layer index',
        `must be an integer in [0, ${model.layers.length})`,
        String(layer),
      );
    }
    return layer;
  }
  if (typeof layer !== 'string')
    throw typeError('activations', 'layer', 'must be a layer index or a layer name', found(layer));
  const index = model.layers.findIndex((l) => l.name === layer);
  if (index < 0) {
    const names = model.layers.map((l) => l.name).join(', ');
    throw rangeError('activations', 'layer', `must name a layer (${names})`, JSON.stringify(layer));
  }
  return index;
}

export async function modelActivations(
  model: ManifoldMixupModel,
  input: Float32Array | tf.Tensor,
  layer: number | string,
  options: unknown,
): Promise<{ values: Float32Array; rows: number; cols: number }> {
  const batchSize = batchSizeOption(options, 'activations');
  const end = layerIndex(model, layer) + 1;
  const { values: x, n } = await inputRows(model, input, 'activations');
  let values = new Float32Array(0);
  let cols = 0;
  forEachBatch(
    model,
    x,
    n,
    batchSize,
    (input) => model.forward(input, false, undefined, end),
    (batch, start, rows) => {
      if (start === 0) {
        cols = batch.length / rows;
        values = new Float32Array(n * cols);
      }
      values.set(batch, start * cols);
    },
  );
  return { values, rows: n, cols };
}
