import { rangeError } from '@manifold-mixup/errors';
import { checkFiniteNumbers } from './finite-numbers.js';
import { studentTQuantile } from './student-t.js';

export interface MeanInterval {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1 in the denominator); NaN for n < 2. */
  sd: number;
  /** The interval's bounds; NaN for n < 2 (one value gives no interval). */
  low: number;
  high: number;
  level: number;
}

/**
 * The Student t confidence interval of the mean of `values`: mean ± t(1 − (1 − level)/2, n − 1) · sd/√n.
 * Meant for paired differences over a few seeds, where a bootstrap would understate the spread
 * (with 5 values it can only resample 126 distinct sets and its percentiles are too narrow).
 */
export function meanInterval(values: readonly number[], level = 0.95): MeanInterval {
  checkFiniteNumbers('meanInterval', 'values', values);
  if (!(level > 0 && level < 1)) throw rangeError('meanInterval', 'level', 'must lie in (0, 1)', String(level));
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { n, mean, sd: NaN, low: NaN, high: NaN, level };
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const half = studentTQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, low: mean - half, high: mean + half, level };
}

export type Verdict = 'supported' | 'contradicted' | 'inconclusive';

/**
 * The verdict on an effect signed so that > 0 is the claimed direction: supported when the whole
 * interval lies above zero, contradicted when it lies below, inconclusive otherwise (and always with
 * fewer than two values).
 */
export function verdictOf(interval: Pick<MeanInterval, 'low' | 'high'>): Verdict {
  if (interval.low > 0) return 'supported';
  if (interval.high < 0) return 'contradicted';
  return 'inconclusive';
}
