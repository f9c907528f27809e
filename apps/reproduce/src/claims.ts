import { meanInterval, verdictOf } from '@manifold-mixup/analysis';
import type { Claim, ModelResults, ModelRun } from './results.js';

/**
 * A claim as a paired comparison: for one seed, `effect` reads the runs of that seed (by model name)
 * and returns the effect signed so that > 0 is the claimed direction, plus the statistics compared.
 */
export interface ClaimSpec {
  id: string;
  statement: string;
  source: string;
  label: string;
  effect: string;
  unit: string;
  /** One of the pre-declared primary claims (experiments/generalisation-primary.ts); absent: exploratory. */
  primary?: true;
  compare: (run: (model: string) => ModelRun) => { effect: number; values: Record<string, number> };
}

/** Evaluates a claim over every seed: per-seed effects, their mean, 95% t interval and verdict. */
export function judgeClaim(spec: ClaimSpec, models: readonly ModelResults[], seeds: readonly number[]): Claim {
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
  const interval = meanInterval(effects, 0.95);
  const bound = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return {
    id: spec.id,
    statement: spec.statement,
    source: spec.source,
    label: spec.label,
    effect: spec.effect,
    unit: spec.unit,
    perSeed,
    mean: interval.mean,
    interval: { low: bound(interval.low), high: bound(interval.high), level: 0.95, method: 'student-t' },
    seedsAgreeing: effects.filter((e) => e > 0).length,
    verdict: verdictOf(interval),
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
