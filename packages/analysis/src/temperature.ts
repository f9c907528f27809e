import { rangeError } from '@manifold-mixup/errors';
import { checkLabels } from './matrix.js';
import { checkProbabilities } from './probabilities.js';

// Temperature scaling (Guo et al. 2017): one scalar T per model, fitted on held-out rows, turns
// probabilities p into softmax(log p / T). It changes confidence, never the predicted class. It works
// on probabilities because softmax(z) = softmax(z + c): log p are the logits up to a constant per row.

export interface TemperatureFit {
  /** The T in [min, max] minimising the mean NLL of softmax(log p / T) (T > 1 softens, T < 1 sharpens). */
  temperature: number;
  /** Mean NLL (nats) of the rows as given, and after scaling by `temperature`. */
  nllBefore: number;
  nllAfter: number;
  /**
   * True when the minimum was not found inside (min, max): NLL still falls at a bound of the search.
   * At `min` this is what rows that are all classified right do (the NLL of a separable set falls
   * towards 0 as T shrinks): the fitted T, and anything measured with it, then reflects the bound.
   */
  atBound: boolean;
}

/** A probability that rounded to 0 is read as float32's smallest positive value, so its log stays finite. */
const PROBABILITY_FLOOR = 1e-45;
/** Golden-section steps: the bracket shrinks by 0.618 each, to below double precision of ln T. */
const STEPS = 90;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

function logits(probabilities: Float32Array | Float64Array): Float64Array {
  return Float64Array.from(probabilities, (p) => Math.log(Math.max(p, PROBABILITY_FLOOR)));
}

/** log sum_c exp(z[o + c] / T) of one row, computed stably (its maximum taken out first). */
function scaledLogSumExp(z: Float64Array, o: number, numClasses: number, temperature: number): number {
  let max = -Infinity;
  for (let c = 0; c < numClasses; c++) max = Math.max(max, z[o + c] / temperature);
  let sum = 0;
  for (let c = 0; c < numClasses; c++) sum += Math.exp(z[o + c] / temperature - max);
  return max + Math.log(sum);
}

/** Mean over rows of -log softmax(z / T)[label]. */
function meanNll(z: Float64Array, labels: ArrayLike<number>, numClasses: number, temperature: number): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const o = i * numClasses;
    sum += scaledLogSumExp(z, o, numClasses, temperature) - z[o + labels[i]] / temperature;
  }
  return sum / labels.length;
}

/**
 * The temperature that minimises the mean NLL of `probabilities` (n rows of numClasses) against
 * `labels`. NLL is convex in 1/T, so it has one minimum in ln T, found by a golden-section search
 * over [ln min, ln max] with a fixed number of steps: deterministic, no tolerance to tune. When the
 * rows are all right and separable, NLL keeps falling as T shrinks and the fit stops at `min`
 * (`atBound` says so).
 */
export function fitTemperature(
  probabilities: Float32Array | Float64Array,
  labels: ArrayLike<number>,
  numClasses: number,
  options: { min?: number; max?: number } = {},
): TemperatureFit {
  const n = labels?.length ?? 0;
  checkLabels(labels, n, 'fitTemperature');
  if (n === 0) throw rangeError('fitTemperature', 'labels', 'must hold at least one row', '0 rows');
  checkProbabilities(probabilities, n, numClasses, 'fitTemperature');
  for (let i = 0; i < n; i++) {
    if (labels[i] >= numClasses)
      throw rangeError('fitTemperature', `labels[${i}]`, `must be below numClasses = ${numClasses}`, String(labels[i]));
  }
  const min = options.min ?? 0.01;
  const max = options.max ?? 100;
  if (!(min > 0 && max > min && Number.isFinite(max)))
    throw rangeError('fitTemperature', 'options.min/max', 'must satisfy 0 < min < max < Infinity', `${min}/${max}`);
  const z = logits(probabilities);
  const nll = (u: number) => meanNll(z, labels, numClasses, Math.exp(u));
  const [lower, upper] = [Math.log(min), Math.log(max)];
  let lo = lower;
  let hi = upper;
  let a = hi - GOLDEN * (hi - lo);
  let b = lo + GOLDEN * (hi - lo);
  let fa = nll(a);
  let fb = nll(b);
  for (let step = 0; step < STEPS; step++) {
    if (fa <= fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - GOLDEN * (hi - lo);
      fa = nll(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + GOLDEN * (hi - lo);
      fb = nll(b);
    }
  }
  const temperature = Math.exp((lo + hi) / 2);
  // A bracket end that never moved: every step found the minimum on that side.
  const atBound = lo === lower || hi === upper;
  return {
    temperature,
    nllBefore: meanNll(z, labels, numClasses, 1),
    nllAfter: nll(Math.log(temperature)),
    atBound,
  };
}

/** softmax(log p / T) row by row: `probabilities` (rows of numClasses) at temperature T. */
export function temperatureScale(
  probabilities: Float32Array | Float64Array,
  numClasses: number,
  temperature: number,
): Float64Array {
  if (!(temperature > 0 && Number.isFinite(temperature)))
    throw rangeError('temperatureScale', 'temperature', 'must be a finite number > 0', String(temperature));
  const rows = Math.floor(probabilities.length / numClasses);
  checkProbabilities(probabilities, rows, numClasses, 'temperatureScale');
  const z = logits(probabilities);
  const out = new Float64Array(probabilities.length);
  for (let o = 0; o < out.length; o += numClasses) {
    const lse = scaledLogSumExp(z, o, numClasses, temperature);
    for (let c = 0; c < numClasses; c++) out[o + c] = Math.exp(z[o + c] / temperature - lse);
  }
  return out;
}
