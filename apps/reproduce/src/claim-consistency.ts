import { signFlipTest, verdictOf } from '@manifold-mixup/analysis';
import { FAMILY_ALPHA } from './experiments/generalisation-primary.js';
import type { ShapeProblem } from './json-shape.js';
import { isDeclaredPrimary, PRIMARY_IDS } from './primary-ids.js';
import { close, holmVerdict } from './primary-family.js';
import type { Claim } from './results.js';

/**
 * A claim of a results file agrees with its own numbers: the p-value is the sign-flip p of its per-seed
 * effects, a primary claim is a declared one and carries its Holm judgement, and the verdict is the one
 * its rule gives (primary: the Holm p-values; exploratory: the interval). A verdict edited by hand, or
 * an exploratory claim passed off as primary, is caught here.
 */
export function claimProblems(claim: Claim, field: string): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const note = (member: string, expected: string, found: unknown) =>
    problems.push({ field: `${field}.${member}`, expected, found: String(found) });
  const effects = claim.perSeed.map((s) => s.effect);
  const p = signFlipTest(effects, 'greater').p;
  if (!close(claim.p, p)) note('p', `${p} (the exact sign-flip p of perSeed[].effect > 0)`, claim.p);
  if (claim.primary) {
    if (!isDeclaredPrimary(claim.id))
      note('id', `one of the declared primary claims (${[...PRIMARY_IDS].join(', ')})`, claim.id);
    if (!claim.holm) note('holm', 'the Holm judgement of a primary claim', 'none');
    else {
      const { alpha, adjustedP, oppositeP } = claim.holm;
      if (alpha !== FAMILY_ALPHA) note('holm.alpha', `${FAMILY_ALPHA} (FAMILY_ALPHA, declared)`, alpha);
      if (!(adjustedP >= claim.p - 1e-12))
        note('holm.adjustedP', `>= p (${claim.p}): Holm never lowers a p`, adjustedP);
      const opposite = signFlipTest(effects, 'less').p;
      if (!close(oppositeP, opposite))
        note('holm.oppositeP', `${opposite} (the exact sign-flip p of perSeed[].effect < 0)`, oppositeP);
      const verdict = holmVerdict(claim.mean, claim.holm);
      if (claim.verdict !== verdict)
        note('verdict', `'${verdict}' (from mean ${claim.mean} and its Holm-adjusted p-values)`, claim.verdict);
    }
  } else {
    if (claim.holm) note('holm', 'none (an exploratory claim is not adjusted)', 'a Holm judgement');
    const verdict = verdictOf({ low: claim.interval.low ?? NaN, high: claim.interval.high ?? NaN });
    if (claim.verdict !== verdict) note('verdict', `'${verdict}' (from its 95% interval)`, claim.verdict);
  }
  return problems;
}
