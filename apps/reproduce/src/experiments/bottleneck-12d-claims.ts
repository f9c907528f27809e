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

/**
 * The 12-D bottleneck's claims: flatter class representations than each other model (section 3.2),
 * Theorem 1's bound on significant directions, calibration and FGSM robustness.
 */
export function bottleneck12dClaimSpecs(
  settings: { fgsmEpsilons: readonly number[]; relativeThreshold: number },
  dim = 12,
  classes = 10,
): ClaimSpec[] {
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
        const directions = (r: ModelRun) =>
          needed(r.analysis.spectra, r, 'spectra').centeredNormalized.mean.significantDirections;
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
