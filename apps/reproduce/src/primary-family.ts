import { judgeClaimFamily } from '@manifold-mixup/analysis';
import { FAMILY_ALPHA } from './experiments/generalisation-primary.js';
import type { Claim, ExperimentResults, HolmJudgement, Verdict } from './results.js';

/**
 * The primary family: every claim marked primary in the results of one output folder, in registry
 * order, judged together with Holm's correction at FAMILY_ALPHA (experiments/generalisation-primary.ts
 * declares the family and the test). Each claim's effects are signed so that > 0 is the claimed
 * direction, so every test is one-sided 'greater' on them: the declared one-sided test of model −
 * reference in the declared direction.
 */
function familyOf(all: readonly ExperimentResults[]): Array<{ experiment: string; claim: Claim }> {
  return all.flatMap((r) => r.claims.filter((c) => c.primary).map((claim) => ({ experiment: r.experiment, claim })));
}

/** The Holm judgement of every primary claim of `all`, keyed `<experiment>/<claim id>` (empty: no primary claim). */
export function primaryJudgements(
  all: readonly ExperimentResults[],
): Map<string, HolmJudgement & { verdict: Verdict }> {
  const family = familyOf(all);
  const judged = new Map<string, HolmJudgement & { verdict: Verdict }>();
  if (family.length === 0) return judged;
  const { claims } = judgeClaimFamily(
    family.map(({ experiment, claim }) => ({
      id: `${experiment}/${claim.id}`,
      differences: claim.perSeed.map((s) => s.effect),
      alternative: 'greater' as const,
    })),
    { alpha: FAMILY_ALPHA },
  );
  for (const c of claims)
    judged.set(c.id, {
      alpha: FAMILY_ALPHA,
      familySize: claims.length,
      adjustedP: c.adjustedP,
      oppositeP: c.oppositeP as number,
      oppositeAdjustedP: c.oppositeAdjustedP as number,
      verdict: c.verdict,
    });
  return judged;
}

/**
 * `all` with every primary claim's `holm` and verdict from the family judgement (other claims as they
 * were). Run after every experiment of the folder is analysed: a claim's adjusted p depends on the others.
 */
export function judgePrimaryFamily(all: readonly ExperimentResults[]): ExperimentResults[] {
  const judged = primaryJudgements(all);
  return all.map((r) => ({
    ...r,
    claims: r.claims.map((claim) => {
      const j = judged.get(`${r.experiment}/${claim.id}`);
      if (!claim.primary || !j) return claim;
      const { verdict, ...holm } = j;
      return { ...claim, holm, verdict };
    }),
  }));
}

/**
 * A run's family when an output folder already holds other experiments' results (`kept`, from an earlier
 * run; --only): the family spans both, in the order of `names`. Returns this run's results judged, and
 * the kept results whose claims the larger family changes (to be rewritten).
 */
export function judgeWithKept(
  fresh: readonly ExperimentResults[],
  kept: readonly ExperimentResults[],
  names: readonly string[],
): { judged: ExperimentResults[]; changed: ExperimentResults[] } {
  const ran = new Set(fresh.map((r) => r.experiment));
  const others = kept.filter((r) => !ran.has(r.experiment));
  const byName = new Map([...others, ...fresh].map((r) => [r.experiment, r]));
  const all = judgePrimaryFamily(names.flatMap((n) => byName.get(n) ?? []));
  return {
    judged: all.filter((r) => ran.has(r.experiment)),
    changed: all.filter(
      (r) =>
        !ran.has(r.experiment) &&
        JSON.stringify(r.claims) !== JSON.stringify((byName.get(r.experiment) as ExperimentResults).claims),
    ),
  };
}

/**
 * The Holm verdict a primary claim's own numbers give: supported when the adjusted p is ≤ α with the
 * mean above 0, contradicted when the turned-round adjusted p is ≤ α with the mean below 0 (as
 * analysis' judgeClaimFamily decides).
 */
export function holmVerdict(mean: number, holm: HolmJudgement): Verdict {
  if (holm.adjustedP <= holm.alpha && mean > 0) return 'supported';
  if (holm.oppositeAdjustedP <= holm.alpha && mean < 0) return 'contradicted';
  return 'inconclusive';
}

/** --check: each primary claim's Holm judgement is the one its family gives now (the family spans files). */
export function primaryFamilyProblems(all: readonly ExperimentResults[]): string[] {
  const judged = primaryJudgements(all);
  const problems: string[] = [];
  for (const r of all)
    r.claims.forEach((claim, i) => {
      const j = judged.get(`${r.experiment}/${claim.id}`);
      if (!claim.primary || !j || !claim.holm) return;
      const where = `results/${r.experiment}.json: claims[${i}] (${claim.id})`;
      for (const key of ['familySize', 'adjustedP', 'oppositeAdjustedP'] as const)
        if (!close(claim.holm[key], j[key]))
          problems.push(
            `${where}: holm.${key}: expected ${j[key]} (Holm over the ${judged.size} primary claims of this folder), found ${claim.holm[key]}`,
          );
    });
  return problems;
}

/** p-values recomputed elsewhere may differ in the last bits only. */
export function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
}
