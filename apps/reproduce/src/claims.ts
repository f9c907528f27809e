import { meanInterval, verdictOf } from '@manifold-mixup/analysis';
import type { Bottleneck12dSettings, ExperimentName, Profile } from './profiles.js';
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
  };
}

/**
 * The comparison most claims make: a statistic of manifold mixup against the baseline's, the
 * difference signed so that > 0 is the claimed direction ('higher' or 'lower' than the baseline).
 */
function versusBaseline(statistic: (r: ModelRun) => number, claimed: 'higher' | 'lower'): ClaimSpec['compare'] {
  return (run) => {
    const b = statistic(run('baseline'));
    const m = statistic(run('manifold-mixup'));
    return { effect: claimed === 'higher' ? m - b : b - m, values: { baseline: b, 'manifold mixup': m } };
  };
}

const MIXUP_LITERATURE = 'mixup literature (e.g. Thulasidasan et al., NeurIPS 2019); not pictured by the seed';

function calibrationSpec(experiment: ExperimentName): ClaimSpec {
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

const confidence = (r: ModelRun) => {
  const c = r.analysis.confidence;
  if (!c) throw new Error(`seed ${r.seed}: no confidence statistics`);
  return c;
};

export function spiralClaimSpecs(): ClaimSpec[] {
  return [
    {
      id: 'spiral-low-confidence',
      statement: 'Manifold mixup widens the band of low-confidence predictions around the decision boundary',
      source: 'Verma et al. 2019, section 1 and figure 1 (broader regions of low confidence)',
      label: 'wider low-confidence band',
      effect: 'share of the grid with top-class P < 0.9: manifold mixup − baseline',
      unit: 'share of grid',
      compare: versusBaseline((r) => confidence(r).lowConfidenceFraction, 'higher'),
    },
    {
      id: 'spiral-smoothness',
      statement: 'Manifold mixup gives a smoother decision boundary (less total variation of P(class 1) over the grid)',
      source: 'Verma et al. 2019, section 1 and figure 1 (smoother decision boundaries)',
      label: 'smoother boundary',
      effect: 'total variation of P(class 1): baseline − manifold mixup',
      unit: 'total variation',
      compare: versusBaseline((r) => confidence(r).totalVariation, 'lower'),
    },
    calibrationSpec('spiral'),
  ];
}

const allDigits = (r: ModelRun) => {
  const groups = r.analysis.margins ?? [];
  const all = groups[groups.length - 1];
  if (!all) throw new Error(`seed ${r.seed}: no margin statistics`);
  return all;
};

export function bottleneck2dClaimSpecs(): ClaimSpec[] {
  return [
    {
      id: 'bottleneck-2d-margin',
      statement: 'Manifold mixup separates the classes in the 2-D bottleneck by a larger margin',
      source: "Verma et al. 2019, section 1 (boundaries further from the data) and figure 1; the seed's MNIST figures",
      label: 'larger 2-D margin',
      effect: 'mean margin statistic, digits 0-9: manifold mixup − baseline',
      unit: 'margin',
      compare: versusBaseline((r) => allDigits(r).meanMargin, 'higher'),
    },
    {
      id: 'bottleneck-2d-silhouette',
      statement:
        'Manifold mixup makes each class of 2-D codes tighter relative to its distance from the others (silhouette)',
      source: "the seed's MNIST figures (pictured; the silhouette is our measure of it)",
      label: 'higher 2-D silhouette',
      effect: 'silhouette, digits 0-9: manifold mixup − baseline',
      unit: 'silhouette',
      compare: versusBaseline((r) => allDigits(r).silhouette, 'higher'),
    },
    calibrationSpec('bottleneck-2d'),
  ];
}

/** Mean over classes of the raw, uncentred sum of non-top singular values (the paper's section 3.2 statistic). */
export function meanSumOfOthers(r: ModelRun): number {
  const s = r.analysis.spectra;
  if (!s) throw new Error(`seed ${r.seed}: no spectra`);
  return s.raw.mean.sumOfOthers;
}

function meanFgsmAccuracy(r: ModelRun): number {
  const attacked = (r.fgsm ?? []).filter((p) => p.epsilon > 0);
  if (attacked.length === 0) throw new Error(`seed ${r.seed}: no FGSM accuracy at ε > 0`);
  return attacked.reduce((s, p) => s + p.accuracy, 0) / attacked.length;
}

export function bottleneck12dClaimSpecs(settings: Bottleneck12dSettings, dim = 12, classes = 10): ClaimSpec[] {
  const bound = dim - classes + 1;
  const flatter = (id: string, label: string, than: string[], thanLabel: string): ClaimSpec => ({
    id,
    statement:
      'Manifold mixup flattens class representations: a smaller sum of non-top singular values of ' +
      `each class's 12-D codes than ${thanLabel}`,
    source: 'Verma et al. 2019, section 3.2 (and the seed’s SVD figures)',
    label,
    effect:
      'mean over classes of the sum of non-top singular values (raw, uncentred): ' +
      `${than.length > 1 ? `the smaller of ${thanLabel}` : thanLabel} − manifold mixup`,
    unit: 'σ sum',
    compare: (run) => {
      const m = meanSumOfOthers(run('manifold-mixup'));
      const values: Record<string, number> = { 'manifold mixup': m };
      for (const name of than) values[name.replace('-', ' ')] = meanSumOfOthers(run(name));
      const smallest = Math.min(...than.map((name) => values[name.replace('-', ' ')]));
      return { effect: smallest - m, values };
    },
  });
  const epsilons = settings.fgsmEpsilons.filter((e) => e > 0);
  return [
    flatter('bottleneck-12d-flatter-than-baseline', 'flatter than baseline', ['baseline'], 'the baseline'),
    flatter('bottleneck-12d-flatter-than-input-mixup', 'flatter than input mixup', ['input-mixup'], 'input mixup'),
    flatter(
      'bottleneck-12d-flatter-than-regularisers',
      'flatter than weight decay and dropout',
      ['weight-decay', 'dropout'],
      'weight decay and dropout',
    ),
    {
      id: 'bottleneck-12d-theorem-1',
      statement:
        `Manifold mixup collapses each class to at most ${dim} - ${classes} + 1 = ${bound} significant directions ` +
        `(centred spectrum; significant: σ > ${settings.relativeThreshold} × the largest)`,
      source: 'Verma et al. 2019, section 3.1, Theorem 1',
      label: `≤ ${bound} directions per class (Theorem 1)`,
      effect: `${bound} − mean over classes of the significant directions of manifold mixup's centred spectra`,
      unit: 'directions',
      compare: (run) => {
        const directions = (r: ModelRun) => {
          const s = r.analysis.spectra;
          if (!s) throw new Error(`seed ${r.seed}: no spectra`);
          return s.centeredNormalized.mean.significantDirections;
        };
        const m = directions(run('manifold-mixup'));
        return { effect: bound - m, values: { 'manifold mixup': m, baseline: directions(run('baseline')) } };
      },
    },
    calibrationSpec('bottleneck-12d'),
    {
      id: 'bottleneck-12d-fgsm',
      statement: 'Manifold mixup makes the network more robust to single-step (FGSM) attacks than the baseline',
      source: 'Verma et al. 2019, section 5.3',
      label: 'more robust to FGSM',
      effect: `test accuracy under FGSM, mean over ε ∈ {${epsilons.join(', ')}}: manifold mixup − baseline`,
      unit: 'accuracy',
      compare: versusBaseline(meanFgsmAccuracy, 'higher'),
    },
  ];
}

/** The claims an experiment is judged on. */
export function claimSpecs(experiment: ExperimentName, profile: Profile): ClaimSpec[] {
  if (experiment === 'spiral') return spiralClaimSpecs();
  if (experiment === 'bottleneck-2d') return bottleneck2dClaimSpecs();
  return bottleneck12dClaimSpecs(profile['bottleneck-12d']);
}
