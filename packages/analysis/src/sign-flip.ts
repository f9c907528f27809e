import { describeFound, rangeError, typeError } from '@manifold-mixup/errors';
import { checkFiniteNumbers } from './finite-numbers.js';

/** Which side of zero the claim puts the mean difference on ('two-sided': either). */
export type Alternative = 'greater' | 'less' | 'two-sided';

export interface SignFlipTest {
  /** Number of differences, zeros included. */
  n: number;
  /** Differences that are not 0: only they change sign, so the test has 2^nonZero distinct assignments. */
  nonZero: number;
  observedMean: number;
  alternative: Alternative;
  /**
   * Share of the 2^n sign assignments whose mean is ≥ (greater), ≤ (less) or, in absolute value, ≥ (two-sided)
   * the observed mean, the observed assignment included: p ≥ 2^-nonZero ≥ 2^-n, and p = 1 when every
   * difference is 0.
   */
  p: number;
}

/** Above this many non-zero differences the test refuses: each half of the enumeration holds 2^20 sums. */
export const SIGN_FLIP_MAX_NON_ZERO = 40;

/**
 * Two sums closer than this share of the largest attainable |sum| (Σ|d_i|) count as equal. Differences that
 * tie in decimal do not tie in binary (0.1 + 0.2 ≠ 0.3), and the enumeration adds in another order than the
 * observed sum; both errors are about n · 2.2e-16 · Σ|d_i|, far below it.
 */
const TIE_TOLERANCE = 1e-12;

const ALTERNATIVES: readonly string[] = ['greater', 'less', 'two-sided'];

/** Checks an alternative, naming `where` and `field` in the error (shared with judgeClaimFamily). */
export function checkAlternative(where: string, field: string, value: unknown): asserts value is Alternative {
  const requirement = "must be 'greater', 'less' or 'two-sided'";
  if (typeof value !== 'string') throw typeError(where, field, requirement, describeFound(value));
  if (!ALTERNATIVES.includes(value)) throw rangeError(where, field, requirement, `'${value}'`);
}

/** The 2^k sums ±v_0 ± v_1 … ± v_(k-1), each added left to right (k additions, so little rounding). */
function allSignedSums(values: readonly number[]): Float64Array {
  let sums = new Float64Array([0]);
  for (const v of values) {
    const next = new Float64Array(sums.length * 2);
    for (let i = 0; i < sums.length; i++) {
      next[2 * i] = sums[i] - v;
      next[2 * i + 1] = sums[i] + v;
    }
    sums = next;
  }
  return sums;
}

/** How many of `sorted` (ascending) are < x, or ≤ x when `inclusive`. */
function countBelow(sorted: Float64Array, x: number, inclusive = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x || (inclusive && sorted[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The exact paired sign-flip (randomisation) test of a mean difference over seeds: under the null hypothesis
 * each difference is as likely to have come out with the opposite sign, so the observed mean is compared with
 * the means of all 2^n sign assignments. Deterministic (no sampling). The assignments are counted exactly by
 * meeting in the middle: the 2^(m/2) signed sums of each half of the m non-zero magnitudes, one half sorted
 * and searched for each sum of the other, so up to 40 non-zero differences take at most 2^20 sums a half.
 * A zero difference flips to itself and adds the same to every assignment, so p is that of the non-zero ones.
 */
export function signFlipTest(differences: readonly number[], alternative: Alternative): SignFlipTest {
  checkFiniteNumbers('signFlipTest', 'differences', differences);
  checkAlternative('signFlipTest', 'alternative', alternative);
  const n = differences.length;
  const observedSum = differences.reduce((a, b) => a + b, 0);
  const magnitudes = differences.filter((d) => d !== 0).map(Math.abs);
  const m = magnitudes.length;
  if (m > SIGN_FLIP_MAX_NON_ZERO)
    throw rangeError(
      'signFlipTest',
      'differences',
      `must hold at most ${SIGN_FLIP_MAX_NON_ZERO} non-zero values (2^${SIGN_FLIP_MAX_NON_ZERO} assignments)`,
      `${m} non-zero of n = ${n}`,
    );
  const tolerance = TIE_TOLERANCE * magnitudes.reduce((a, b) => a + b, 0);
  const left = allSignedSums(magnitudes.slice(0, m >> 1));
  const right = allSignedSums(magnitudes.slice(m >> 1)).sort();
  const threshold = Math.abs(observedSum) - tolerance;
  let count = 0;
  for (const l of left) {
    if (alternative === 'greater') count += right.length - countBelow(right, observedSum - tolerance - l);
    else if (alternative === 'less') count += countBelow(right, observedSum + tolerance - l, true);
    // Two-sided: |l + r| ≥ |observed|; when the observed sum is 0 (up to ties) every assignment counts.
    else if (threshold <= 0) count += right.length;
    else count += right.length - countBelow(right, threshold - l) + countBelow(right, -threshold - l, true);
  }
  return { n, nonZero: m, observedMean: observedSum / n, alternative, p: count / 2 ** m };
}
