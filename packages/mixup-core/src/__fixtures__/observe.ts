import * as tf from '@tensorflow/tfjs-core';
import { layers } from '@tensorflow/tfjs-layers';
import { ManifoldMixupModel } from '../model.js';
import { mulberry32 } from '@manifold-mixup/random';
import type { LayerSpec } from '../types.js';

// Helpers for the behavioural tests of the method (method.test.ts): a model whose layers record
// the tensor they receive, and the reconstruction of (lambda, pairing) from what a layer received.

export const WIDTH = 6;
export const CLASSES = 8;

/**
 * 0: identity (input mixup happens at its input)  1: dense+tanh (the data-only dense layer, run
 * without layer.apply in training, so not observed)  2-4: dense+tanh  5: dense to the logits
 * 6: identity, whose input is the logits. tanh layers make "mixed one layer later" differ from
 * "mixed here" (an affine layer would commute with mixing).
 */
export function probeModel(eligible: number[], options: { alpha?: number; lambdaMode?: 'batch' | 'example' } = {}) {
  const list = [
    layers.activation({ activation: 'linear' }),
    layers.dense({ units: WIDTH, activation: 'tanh' }),
    layers.dense({ units: WIDTH, activation: 'tanh' }),
    layers.dense({ units: WIDTH, activation: 'tanh' }),
    layers.dense({ units: WIDTH, activation: 'tanh' }),
    layers.dense({ units: CLASSES }),
    layers.activation({ activation: 'linear' }),
  ];
  const specs = list.map((layer, i): LayerSpec => [layer, eligible.includes(i)]);
  const model = new ManifoldMixupModel({
    layers: specs,
    inputShape: [WIDTH],
    numClasses: CLASSES,
    seed: 3,
    ...options,
  });
  return { model, seen: recordInputs(model) };
}

/** The layers observed by recordInputs in training (all but the data-only dense layer 1). */
export const OBSERVED = [0, 2, 3, 4, 5, 6];
export const LOGITS_PROBE = 6;

/** Wrap every layer's apply so that `seen[i]` holds a copy of the input layer i last received. */
export function recordInputs(model: ManifoldMixupModel): Array<Float32Array | undefined> {
  const seen: Array<Float32Array | undefined> = [];
  model.layers.forEach((layer, i) => {
    const apply = layer.apply.bind(layer);
    layer.apply = ((inputs, kwargs) => {
      seen[i] = (inputs as tf.Tensor).dataSync().slice() as Float32Array;
      return apply(inputs, kwargs);
    }) as typeof layer.apply;
  });
  return seen;
}

/** A batch of `rows` random inputs and one-hot targets of distinct classes (row r: class r % CLASSES). */
export function batch(rows: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor2D; labels: number[] } {
  const rng = mulberry32(seed);
  const x = tf.tensor2d(
    Float32Array.from({ length: rows * WIDTH }, () => 4 * rng() - 2),
    [rows, WIDTH],
  );
  const labels = Array.from({ length: rows }, (_, r) => (r * 3 + seed) % CLASSES);
  const y = tf.tensor2d(
    labels.flatMap((label) => Array.from({ length: CLASSES }, (_, c) => (c === label ? 1 : 0))),
    [rows, CLASSES],
  );
  return { x, y, labels };
}

export function bitwiseEqual(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

export interface ObservedMix {
  /** partner[i]: the row mixed into row i (i itself for a fixed point of the pairing). */
  partner: number[];
  /** lambda[i]: the weight of row i's own activations (NaN for a fixed point: not observable). */
  lambda: number[];
  /** Largest residual of received_i = lambda_i h_i + (1 - lambda_i) h_partner, relative to the scale of h. */
  residual: number;
}

/**
 * Given the activations h (rows x cols) a layer receives unmixed and what it received in training,
 * find for every row the partner j and lambda with received_i = lambda h_i + (1 - lambda) h_j
 * (least squares over every candidate j).
 */
export function reconstructMix(h: Float32Array, received: Float32Array, rows: number): ObservedMix {
  const cols = h.length / rows;
  const row = (a: Float32Array, i: number) => Array.from(a.subarray(i * cols, (i + 1) * cols));
  const scale = Math.max(...Array.from(h, Math.abs), 1e-12);
  const partner: number[] = [];
  const lambda: number[] = [];
  let worst = 0;
  for (let i = 0; i < rows; i++) {
    const r = row(received, i);
    const hi = row(h, i);
    if (r.every((v, c) => v === hi[c])) {
      partner.push(i);
      lambda.push(Number.NaN);
      continue;
    }
    let best = { j: -1, lam: Number.NaN, res: Infinity };
    for (let j = 0; j < rows; j++) {
      if (j === i) continue;
      const hj = row(h, j);
      const d = hi.map((v, c) => v - hj[c]);
      const dd = d.reduce((s, v) => s + v * v, 0);
      const lam = d.reduce((s, v, c) => s + v * (r[c] - hj[c]), 0) / dd;
      const res = Math.sqrt(r.reduce((s, v, c) => s + (v - hj[c] - lam * d[c]) ** 2, 0));
      if (res < best.res) best = { j, lam, res };
    }
    partner.push(best.j);
    lambda.push(best.lam);
    worst = Math.max(worst, best.res / scale);
  }
  return { partner, lambda, residual: worst };
}

/** Mean over rows of -sum_c t_ic log softmax(z_i)_c, in float64. */
export function crossEntropy(logits: Float32Array, targets: number[][]): number {
  const rows = targets.length;
  const c = logits.length / rows;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const z = Array.from(logits.subarray(i * c, (i + 1) * c));
    const max = Math.max(...z);
    const logSum = max + Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0));
    total -= targets[i].reduce((s, t, k) => s + t * (z[k] - logSum), 0);
  }
  return total / rows;
}

/** One-hot rows mixed as the method says: t_i = lambda_i y_i + (1 - lambda_i) y_partner(i). */
export function mixedTargets(labels: number[], mix: ObservedMix): number[][] {
  return labels.map((label, i) => {
    const t = new Array<number>(CLASSES).fill(0);
    const lam = mix.partner[i] === i ? 1 : mix.lambda[i];
    t[label] += lam;
    t[labels[mix.partner[i]]] += 1 - lam;
    return t;
  });
}

/** The Beta(a, a) CDF, for the a with a closed form: arcsine (1/2), uniform (1), 3x^2 - 2x^3 (2). */
export function betaCdf(x: number, a: number): number {
  if (a === 0.5) return (2 / Math.PI) * Math.asin(Math.sqrt(x));
  if (a === 1) return x;
  if (a === 2) return 3 * x * x - 2 * x * x * x;
  throw new Error(`betaCdf: no closed form for a = ${a}`);
}

/** Kolmogorov-Smirnov statistic of a sample against a continuous CDF. */
export function ksStatistic(sample: number[], cdf: (x: number) => number): number {
  const sorted = [...sample].sort((a, b) => a - b);
  const n = sorted.length;
  let d = 0;
  sorted.forEach((v, i) => {
    const f = cdf(v);
    d = Math.max(d, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
  });
  return d;
}

/** Pearson's chi-square statistic of observed counts against equal expected counts. */
export function chiSquareUniform(counts: number[]): number {
  const total = counts.reduce((s, v) => s + v, 0);
  const expected = total / counts.length;
  return counts.reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
}
