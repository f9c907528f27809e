import { pairedSummary, signFlipTest, verdictOf } from '@manifold-mixup/analysis';
import { isDeclaredPrimary, PRIMARY_IDS } from './primary-ids.js';
import type { Claim, ClaimSeed, ModelResults, ModelRun } from './results.js';

/**
 * A claim as a paired comparison: for one seed, `effect` reads the runs of that seed (by model name)
 * and returns the effect signed so that > 0 is the claimed direction, plus the statistics compared.
 */
export interface ClaimSpec {
  id: string;
  /**
   * A primary claim: one of PRIMARY_CLAIMS (experiments/generalisation-primary.ts, same id), judged with
   * Holm over the family of every primary claim. Absent: exploratory (the interval rule, unadjusted).
   */
  primary?: true;
  statement: string;
  source: string;
  label: string;
  effect: string;
  unit: string;
  /**
   * The key of `values` holding the reference model's statistic, the denominator of the relative change;
   * null: none (an effect that is not a difference of two models). Absent: the key other than manifold
   * mixup's when `values` holds exactly two, one of them 'manifold mixup' (as versusBaseline's do).
   */
  reference?: string | null;
  compare: (run: (model: string) => ModelRun) => { effect: number; values: Record<string, number> };
}

/** The reference key of a claim (see ClaimSpec.reference), checked against every seed's values. */
function referenceKey(spec: ClaimSpec, perSeed: readonly ClaimSeed[]): string | null {
  let key = spec.reference;
  if (key === undefined) {
    const keys = Object.keys(perSeed[0].values);
    const mixup = keys.findIndex((k) => k === 'manifold mixup' || k === 'manifold-mixup');
    key = keys.length === 2 && mixup >= 0 ? keys[1 - mixup] : null;
  }
  if (key !== null && perSeed.some((s) => !Number.isFinite(s.values[key]))) {
    const seed = perSeed.find((s) => !Number.isFinite(s.values[key]))?.seed;
    throw new Error(
      `claim ${spec.id}: reference '${key}': expected a finite value for every seed, seed ${seed} has none`,
    );
  }
  return key;
}

/**
 * Evaluates a claim over every seed: per-seed effects, their mean, 95% t interval, d_z, relative change
 * and exact one-sided sign-flip p, and the verdict of the interval rule. A primary claim's verdict is
 * replaced by its family's Holm verdict once every experiment is analysed (primary-family.ts).
 */
export function judgeClaim(spec: ClaimSpec, models: readonly ModelResults[], seeds: readonly number[]): Claim {
  if (spec.primary && !isDeclaredPrimary(spec.id))
    throw new Error(
      `claim ${spec.id}: marked primary, expected one of the declared PRIMARY_CLAIMS (${[...PRIMARY_IDS].join(', ')}), ` +
        `optionally after a dataset prefix such as 'fashion-mnist-'`,
    );
  const perSeed = seeds.map((seed) => {
    const run = (name: string): ModelRun => {
      const model = models.find((m) => m.model === name);
      const found = model?.runs.find((r) => r.seed === seed);
      if (!found) throw new Error(`claim ${spec.id}: no run of model '${name}' with seed ${seed}`);
      return found;
    };
    return { seed, ...spec.compare(run) };
  });
  const effects = perSeed.map((s) => s.effect);
  const reference = referenceKey(spec, perSeed);
  const summary = pairedSummary(effects, {
    reference: reference === null ? undefined : perSeed.map((s) => s.values[reference]),
  });
  const finite = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);
  return {
    id: spec.id,
    ...(spec.primary ? { primary: true as const } : {}),
    statement: spec.statement,
    source: spec.source,
    label: spec.label,
    effect: spec.effect,
    unit: spec.unit,
    perSeed,
    mean: summary.mean,
    interval: { low: finite(summary.low), high: finite(summary.high), level: 0.95, method: 'student-t' },
    seedsAgreeing: effects.filter((e) => e > 0).length,
    dz: finite(summary.dz),
    reference,
    relativeChange: finite(summary.relativeChange),
    p: signFlipTest(effects, 'greater').p,
    verdict: verdictOf(summary),
    ...(spec.primary ? { primary: true as const } : {}),
  };
}

/** A statistic of a run that a claim needs; throws naming the seed when the run lacks it. */
export function needed<T>(value: T | undefined, run: ModelRun, what: string): T {
  if (value === undefined) throw new Error(`seed ${run.seed}: no ${what}`);
  return value;
}

/**
 * The comparison most claims make: a statistic of manifold mixup against the baseline's, the
 * difference signed so that > 0 is the claimed direction ('higher' or 'lower' than the baseline).
 */
export function versusBaseline(statistic: (r: ModelRun) => number, claimed: 'higher' | 'lower'): ClaimSpec['compare'] {
  return (run) => {
    const b = statistic(run('baseline'));
    const m = statistic(run('manifold-mixup'));
    return { effect: claimed === 'higher' ? m - b : b - m, values: { baseline: b, 'manifold mixup': m } };
  };
}

const MIXUP_LITERATURE = 'mixup literature (e.g. Thulasidasan et al., NeurIPS 2019); not pictured by the seed';

/** The calibration claim every experiment checks (its id names the experiment). */
export function calibrationSpec(experiment: string): ClaimSpec {
  return {
    id: `${experiment}-calibration`,
    statement: 'Training with manifold mixup lowers the expected calibration error (ECE) on the test set',
    source: MIXUP_LITERATURE,
    label: 'lower test ECE',
    effect: 'ECE: baseline − manifold mixup',
    unit: 'ECE',
    compare: versusBaseline((r) => r.metrics.ece, 'lower'),
  };
}
