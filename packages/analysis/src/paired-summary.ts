import { describeFound, rangeError } from '@manifold-mixup/errors';
import { checkFiniteNumbers } from './finite-numbers.js';
import { type MeanInterval, meanInterval } from './mean-interval.js';

export interface PairedSummaryOptions {
  /**
   * The reference model's value on each seed (e.g. the baseline's test error), paired with `differences`
   * (same length, same seed order). Only its mean is used, as the denominator of `relativeChange`.
   */
  reference?: readonly number[];
  /** Confidence level of the t interval; 0.95 unless given. */
  level?: number;
}

/** The effect over seeds of one paired comparison: `meanInterval`'s fields plus the ones below. */
export interface PairedSummary extends MeanInterval {
  /**
   * Cohen's d_z = mean / sd of the differences. NaN for one seed (no sd). When every difference is the same
   * value (sd = 0, whatever rounding left in `sd`): +Infinity or −Infinity by the sign of that value, NaN when
   * it is 0.
   */
  dz: number;
  /** Mean of `options.reference`; null when no reference was given. */
  referenceMean: number | null;
  /** mean / referenceMean (±Infinity or NaN when referenceMean is 0); null when no reference was given. */
  relativeChange: number | null;
  /** Seeds whose difference has the sign of the mean (strictly: a 0 difference, or a 0 mean, agrees with none). */
  agreeing: number;
}

/** Checks per-seed reference values paired with n differences (shared with judgeClaimFamily). */
export function checkReference(
  where: string,
  field: string,
  reference: unknown,
  n: number,
): asserts reference is number[] {
  checkFiniteNumbers(where, field, reference);
  if (reference.length !== n)
    throw rangeError(where, field, `must hold one value per difference (${n})`, describeFound(reference));
}

/**
 * Summarises paired differences over seeds (model minus reference, one per seed): the mean with its Student t
 * interval (`meanInterval`), the standardised effect d_z, the change relative to the reference's mean, and how
 * many seeds agree in sign with the mean.
 */
export function pairedSummary(differences: readonly number[], options: PairedSummaryOptions = {}): PairedSummary {
  checkFiniteNumbers('pairedSummary', 'differences', differences);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1))
    throw rangeError('pairedSummary', 'options.level', 'must lie in (0, 1)', String(level));
  const interval = meanInterval(differences, level);
  const { reference } = options;
  if (reference !== undefined) checkReference('pairedSummary', 'options.reference', reference, differences.length);
  const referenceMean = reference === undefined ? null : reference.reduce((a, b) => a + b, 0) / reference.length;
  // Equal differences leave a rounding residue in sd (0.1 three times: mean 0.10000000000000002), which
  // would turn d_z into ~1e16 rather than the Infinity the definition gives.
  const constant = differences.every((d) => d === differences[0]);
  // x / 0 is ±Infinity, and NaN for x = 0: the policy above.
  const dz = interval.n < 2 ? NaN : constant ? differences[0] / 0 : interval.mean / interval.sd;
  return {
    ...interval,
    dz,
    referenceMean,
    relativeChange: referenceMean === null ? null : interval.mean / referenceMean,
    agreeing: differences.filter((d) => d * interval.mean > 0).length,
  };
}
