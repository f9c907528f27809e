import { meanInterval } from '@manifold-mixup/analysis';
import { fixed, percent, sig } from './markdown.js';
import type { ModelRun } from './results.js';

/** The arithmetic mean of `values` (NaN when empty). */
export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * `mean ± half-width of the 95% t interval` over seeds, formatted by `format`; a single seed prints
 * its value alone, a missing statistic '-'.
 */
export function overSeeds(
  runs: readonly ModelRun[],
  statistic: (run: ModelRun) => number | undefined,
  format: (x: number) => string,
): string {
  const values = runs.map(statistic);
  if (values.length === 0 || values.some((v) => v === undefined || !Number.isFinite(v))) return '-';
  const interval = meanInterval(values as number[]);
  if (interval.n < 2) return format(interval.mean);
  return `${format(interval.mean)} ± ${format(interval.high - interval.mean)}`;
}

// markdown.ts' formatters, curried for overSeeds (which only formats finite numbers).
export const pct = (digits: number) => (x: number) => percent(x, digits);
export const fix = (digits: number) => (x: number) => fixed(x, digits);
/** markdown.ts' 3 significant digits, except that an exact zero (a zero spread) keeps them: '0.00'. */
export const sig3 = (x: number): string => (x === 0 ? x.toPrecision(3) : sig(x));
