import { theoremOneBound } from '@manifold-mixup/analysis';
import { calibrationSpec, needed, versusBaseline, type ClaimSpec } from '../claims.js';
import type { ModelRun } from '../results.js';

/** Mean over classes of the raw, uncentred sum of non-top singular values (the paper's section 3.2 statistic). */
export function meanSumOfOthers(r: ModelRun): number {
  return needed(r.analysis.spectra, r, 'spectra').raw.mean.sumOfOthers;
}

function meanFgsmAccuracy(r: ModelRun): number {
  const attacked = (r.fgsm ?? []).filter((p) => p.epsilon > 0);
  if (attacked.length === 0) throw new Error(`seed ${r.seed}: no FGSM accuracy at ε > 0`);
  return attacked.reduce((s, p) => s + p.accuracy, 0) / attacked.length;
}

/** Mean over classes of the significant directions of the centred spectrum (σ > threshold × the largest). */
export function centredDirections(r: ModelRun): number {
  return needed(r.analysis.spectra, r, 'spectra').centeredNormalized.mean.significantDirections;
}

/**
 * Share of a class's variance outside its top `k` centred directions, Σ_{i>k} σᵢ² / Σ σᵢ² (threshold-free
 * and unchanged by the scale of the codes or √n), averaged over the classes of the centred spectra.
 */
export function varianceOutsideTop(r: ModelRun, k: number): number {
  const classes = needed(r.analysis.spectra, r, 'spectra').centeredNormalized.perClass;
  const share = (sv: readonly number[]): number => {
    const squares = sv.map((s) => s * s).sort((a, b) => b - a);
    const total = squares.reduce((a, b) => a + b, 0);
    return total > 0 ? squares.slice(k).reduce((a, b) => a + b, 0) / total : 0;
  };
  if (classes.length === 0) throw new Error(`seed ${r.seed}: no class spectra`);
  return classes.reduce((sum, c) => sum + share(c.singularValues), 0) / classes.length;
}

const COROLLARY_1 =
  'Verma et al. 2019, section 3.1, Corollary 1 of Theorem 1 (a property of the minimiser of the mixup loss; ' +
  'tested here for its direction only)';

/**
 * The 12-D bottleneck's claims, all exploratory: flatter class codes than each other model (section 3.2's
 * point, on the 12-D codes of appendix G), the direction of Corollary 1 (fewer centred directions per
 * class, less variance outside the top dim − classes + 1), calibration, and the old cross-entropy FGSM.
 */
export function bottleneck12dClaimSpecs(
  settings: { fgsmEpsilons: readonly number[]; relativeThreshold: number },
  dim = 12,
  classes = 10,
): ClaimSpec[] {
  const bound = theoremOneBound(dim, classes);
  const flatter = (id: string, label: string, than: string[], thanLabel: string): ClaimSpec => ({
    id,
    statement:
      'Manifold mixup flattens class representations: a smaller sum of non-top singular values of ' +
      `each class's 12-D codes than ${thanLabel}`,
    source:
      'Verma et al. 2019, section 3.2 (measured there at the first hidden layer), on the 12-D codes of appendix G',
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
      id: 'bottleneck-12d-corollary-1-directions',
      statement:
        "Manifold mixup leaves fewer significant centred directions in each class's 12-D codes than the baseline " +
        `(the direction of Corollary 1's bound of ${dim} − ${classes} + 1 = ${bound}; significant: ` +
        `σ > ${settings.relativeThreshold} × the largest)`,
      source: COROLLARY_1,
      label: 'fewer centred directions (Corollary 1)',
      effect: 'mean over classes of the significant directions (centred): baseline − manifold mixup',
      unit: 'directions',
      compare: versusBaseline(centredDirections, 'lower'),
    },
    {
      id: 'bottleneck-12d-corollary-1-variance',
      statement:
        `Manifold mixup leaves less of each class's variance outside its top ${bound} centred directions than the ` +
        'baseline (threshold-free)',
      source: COROLLARY_1,
      label: `less variance outside ${bound} directions (Corollary 1)`,
      effect: `mean over classes of Σ_{i>${bound}} σᵢ² / Σ σᵢ² (centred): baseline − manifold mixup`,
      unit: 'share of variance',
      compare: versusBaseline((r) => varianceOutsideTop(r, bound), 'lower'),
    },
    calibrationSpec('bottleneck-12d'),
    {
      id: 'bottleneck-12d-fgsm',
      statement:
        'Manifold mixup makes the network more robust to single-step (FGSM) attacks than the baseline, under ' +
        `cross-entropy FGSM up to ε = ${Math.max(...epsilons)} (masked: a saturated baseline's input gradient is ` +
        'exactly zero on many test images, so FGSM leaves them unchanged)',
      source: 'Verma et al. 2019, section 5.3 (which attacks at far smaller ε); the valid test is primary',
      label: 'more robust to cross-entropy FGSM (masked)',
      effect: `test accuracy under FGSM, mean over ε ∈ {${epsilons.join(', ')}}: manifold mixup − baseline`,
      unit: 'accuracy',
      compare: versusBaseline(meanFgsmAccuracy, 'higher'),
    },
  ];
}
