import { describeFound, rangeError, typeError } from '@manifold-mixup/errors';
import { checkFiniteNumbers } from './finite-numbers.js';
import { holm } from './holm.js';
import type { Verdict } from './mean-interval.js';
import { checkReference, type PairedSummary, pairedSummary } from './paired-summary.js';
import { type Alternative, checkAlternative, signFlipTest } from './sign-flip.js';

/** One claim, its statistic fixed before the run: a paired difference per seed and the side the claim predicts. */
export interface Claim {
  id: string;
  /** Model minus reference, one per seed (e.g. manifold mixup's test error minus the baseline's). */
  differences: readonly number[];
  /** 'less' when the claim is that the difference is below 0 (lower error), 'greater' above, 'two-sided' either. */
  alternative: Alternative;
  /** The reference's value on each seed, for `summary.relativeChange`. */
  reference?: readonly number[];
}

export interface ClaimJudgement {
  id: string;
  alternative: Alternative;
  summary: PairedSummary;
  /** Exact sign-flip p of the claimed alternative. */
  p: number;
  /** Holm-adjusted over the family's claimed p-values. */
  adjustedP: number;
  /** Exact sign-flip p of the opposite one-sided alternative; null for a two-sided claim (it has none). */
  oppositeP: number | null;
  /** Holm-adjusted oppositeP, in the family with this claim turned round and the others as claimed. */
  oppositeAdjustedP: number | null;
  verdict: Verdict;
}

export interface ClaimFamilyJudgement {
  alpha: number;
  claims: ClaimJudgement[];
}

const OPPOSITE = { greater: 'less', less: 'greater' } as const;

function inDirection(mean: number, alternative: Alternative): boolean {
  return alternative === 'greater' ? mean > 0 : alternative === 'less' ? mean < 0 : mean !== 0;
}

/** Claim i turned round: the opposite one-sided p, Holm-adjusted with the other claims' p-values as claimed. */
function turnedRound(claim: Claim, i: number, p: readonly number[]) {
  if (claim.alternative === 'two-sided') return null;
  const opposite = OPPOSITE[claim.alternative];
  const oppositeP = signFlipTest(claim.differences, opposite).p;
  return { opposite, oppositeP, oppositeAdjustedP: holm(p.map((q, j) => (j === i ? oppositeP : q)))[i] };
}

function checkClaims(claims: unknown): asserts claims is Claim[] {
  const where = 'judgeClaimFamily';
  if (!Array.isArray(claims))
    throw typeError(where, 'claims', 'must be a non-empty array of claims', describeFound(claims));
  if (claims.length === 0) throw rangeError(where, 'claims', 'must be a non-empty array of claims', 'an empty array');
  const seen = new Set<string>();
  claims.forEach((claim: unknown, i) => {
    if (typeof claim !== 'object' || claim === null)
      throw typeError(
        where,
        `claims[${i}]`,
        'must be an object { id, differences, alternative }',
        describeFound(claim),
      );
    const { id, differences, alternative, reference } = claim as Record<string, unknown>;
    if (typeof id !== 'string' || id === '')
      throw (typeof id === 'string' ? rangeError : typeError)(
        where,
        `claims[${i}].id`,
        'must be a non-empty string',
        describeFound(id),
      );
    if (seen.has(id)) throw rangeError(where, `claims[${i}].id`, 'must be unique in the family', `'${id}' again`);
    seen.add(id);
    checkFiniteNumbers(where, `claims[${i}].differences`, differences);
    checkAlternative(where, `claims[${i}].alternative`, alternative);
    if (reference !== undefined) checkReference(where, `claims[${i}].reference`, reference, differences.length);
  });
}

/**
 * Judges a family of claims together at level `alpha` (0.05 unless given). Per claim: `pairedSummary` of its
 * differences, the exact sign-flip p of its alternative and that p Holm-adjusted over the family. Verdicts:
 * - 'supported': adjustedP ≤ alpha and the mean lies on the claimed side of 0 (any side for 'two-sided');
 * - 'contradicted' (one-sided claims only): the claim turned round would be supported. That is, the sign-flip
 *   p of the opposite alternative, Holm-adjusted in the family where it replaces this claim's p and every other
 *   claim keeps its own, is ≤ alpha, and the mean lies on the opposite side of 0;
 * - 'inconclusive' otherwise.
 * Holm bounds the chance of any wrong 'supported' in the family by alpha. 'contradicted' is checked claim by
 * claim with the same correction, so it is exactly as hard to reach as 'supported' in the other direction; it is
 * not a second family-wise guarantee.
 */
export function judgeClaimFamily(claims: readonly Claim[], options: { alpha?: number } = {}): ClaimFamilyJudgement {
  checkClaims(claims);
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1))
    throw rangeError('judgeClaimFamily', 'options.alpha', 'must lie in (0, 1)', String(alpha));
  const p = claims.map((c) => signFlipTest(c.differences, c.alternative).p);
  const adjusted = holm(p);
  return {
    alpha,
    claims: claims.map((claim, i) => {
      const summary = pairedSummary(claim.differences, { reference: claim.reference });
      const { alternative } = claim;
      const round = turnedRound(claim, i, p);
      let verdict: Verdict = 'inconclusive';
      if (adjusted[i] <= alpha && inDirection(summary.mean, alternative)) verdict = 'supported';
      else if (round && round.oppositeAdjustedP <= alpha && inDirection(summary.mean, round.opposite))
        verdict = 'contradicted';
      const oppositeP = round?.oppositeP ?? null;
      const oppositeAdjustedP = round?.oppositeAdjustedP ?? null;
      return {
        id: claim.id,
        alternative,
        summary,
        p: p[i],
        adjustedP: adjusted[i],
        oppositeP,
        oppositeAdjustedP,
        verdict,
      };
    }),
  };
}
