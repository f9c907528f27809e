import * as tf from '@tensorflow/tfjs-core';
import type { LabeledSet } from '@manifold-mixup/types';
import { checkLabeledSet, featureSize } from './batches.js';
import { MetricsAccumulator, type ClassificationMetrics } from './metrics.js';
import type { ManifoldMixupModel } from './model.js';
import { logProbabilities, probabilities } from './output-head.js';

const DEFAULT_BATCH = 1000;

function checkInput(model: ManifoldMixupModel, x: Float32Array, n: number, batchSize: number, what: string): void {
  if (!(x instanceof Float32Array)) {
    // A common slip: passing a whole LabeledSet where its features are expected.
    const hint = x != null && typeof x === 'object' && 'x' in x ? ' (pass set.x and set.n, not the set)' : '';
    throw new Error(`${what}: x must be a Float32Array${hint}, found ${x === null ? 'null' : typeof x}`);
  }
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what}: n must be a non-negative integer, found ${n}`);
  const size = featureSize(model.inputShape);
  if (x.length !== n * size)
    throw new Error(`${what}: expected x to hold n * ${size} = ${n} * ${size} = ${n * size} values, found ${x.length}`);
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error(`${what}: batchSize must be a positive integer, found ${batchSize}`);
}

/**
 * Run `compute` on consecutive batches of rows, copying each result out before the next
 * batch starts: at most one batch of activations is alive at a time.
 */
function forEachBatch(
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
  x: Float32Array,
  n: number,
  batchSize = DEFAULT_BATCH,
): Promise<Float32Array> {
  checkInput(model, x, n, batchSize, 'predict');
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
  batchSize = DEFAULT_BATCH,
): Promise<ClassificationMetrics> {
  checkLabeledSet(data, model.inputShape, model.numClasses, 'evaluate: data');
  checkInput(model, data.x, data.n, batchSize, 'evaluate');
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
      throw new Error(`activations: layer index must be an integer in [0, ${model.layers.length}), found ${layer}`);
    }
    return layer;
  }
  const index = model.layers.findIndex((l) => l.name === layer);
  if (index < 0)
    throw new Error(
      `activations: no layer named ${JSON.stringify(layer)}; layers are ${model.layers.map((l) => l.name).join(', ')}`,
    );
  return index;
}

export async function modelActivations(
  model: ManifoldMixupModel,
  x: Float32Array,
  n: number,
  layer: number | string,
  batchSize = DEFAULT_BATCH,
): Promise<{ values: Float32Array; rows: number; cols: number }> {
  checkInput(model, x, n, batchSize, 'activations');
  const end = layerIndex(model, layer) + 1;
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
