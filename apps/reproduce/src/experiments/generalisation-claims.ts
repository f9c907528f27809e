import { calibrationSpec, needed, type ClaimSpec } from '../claims.js';
import { mean } from '../over-seeds.js';
import type { ModelRun } from '../results.js';
import { PRIMARY_CLAIMS, type PrimaryClaim, type PrimaryStatistic } from './generalisation-primary.js';
import { VARIANTS } from './model-parts.js';

/** Each primary statistic of one run, as generalisation-primary.ts defines it. */
export const PRIMARY_STATISTICS: Readonly<Record<PrimaryStatistic, (run: ModelRun) => number>> = {
  'test-error': (r) => 1 - r.metrics.accuracy,
  'test-nll': (r) => r.metrics.nll,
  'participation-ratio': (r) => needed(r.analysis.flattening, r, 'flattening statistics').participationRatio,
  'fgsm-margin-accuracy': (r) => mean(needed(r.attacks, r, 'attack accuracies').fgsm.map((p) => p.accuracy)),
  'deformed-accuracy': (r) => mean(needed(r.deformations, r, 'deformed-set accuracies').map((d) => d.accuracy)),
};

/** Each statistic's name in effects, its unit, and the claim's few words in the claims figure. */
const STATISTIC_NAMES: Readonly<Record<PrimaryStatistic, { name: string; unit: string; label: string }>> = {
  'test-error': { name: 'test error', unit: 'error', label: 'lower test error' },
  'test-nll': { name: 'test NLL', unit: 'nats', label: 'lower test NLL' },
  'participation-ratio': {
    name: 'participation ratio at h1 (mean over classes)',
    unit: 'directions',
    label: 'flatter h1 (participation ratio)',
  },
  'fgsm-margin-accuracy': {
    name: 'margin-loss FGSM accuracy (mean over ε)',
    unit: 'accuracy',
    label: 'more accurate under FGSM',
  },
  'deformed-accuracy': {
    name: 'accuracy on deformed test sets (mean over 8)',
    unit: 'accuracy',
    label: 'more accurate on deformed images',
  },
};

/**
 * A paired comparison of `statistic` between two models, the effect signed so that > 0 is the claimed
 * direction: reference − model when the claim is that the model is lower ('less'), model − reference when higher.
 */
export function pairedComparison(
  statistic: (run: ModelRun) => number,
  model: string,
  reference: string,
  alternative: 'less' | 'greater',
): ClaimSpec['compare'] {
  return (run) => {
    const m = statistic(run(model));
    const r = statistic(run(reference));
    return {
      effect: alternative === 'less' ? r - m : m - r,
      values: {
        [VARIANTS[reference as keyof typeof VARIANTS].label]: r,
        [VARIANTS[model as keyof typeof VARIANTS].label]: m,
      },
    };
  };
}

/** What the effect is, e.g. 'test error: baseline − manifold mixup' (reference first when lower is claimed). */
function effectText(statistic: string, model: string, reference: string, alternative: 'less' | 'greater'): string {
  const label = (name: string) => VARIANTS[name as keyof typeof VARIANTS].label;
  const [first, second] = alternative === 'less' ? [reference, model] : [model, reference];
  return `${statistic}: ${label(first)} − ${label(second)}`;
}

/** A pre-declared primary claim as a ClaimSpec (marked primary), its id after `prefix`. */
export function primarySpec(claim: PrimaryClaim, prefix = ''): ClaimSpec {
  return {
    id: `${prefix}${claim.id}`,
    statement: claim.statement,
    source: claim.source,
    label: `${STATISTIC_NAMES[claim.statistic].label} than ${VARIANTS[claim.reference].label}`,
    effect: effectText(STATISTIC_NAMES[claim.statistic].name, claim.model, claim.reference, claim.alternative),
    unit: STATISTIC_NAMES[claim.statistic].unit,
    primary: true,
    compare: pairedComparison(PRIMARY_STATISTICS[claim.statistic], claim.model, claim.reference, claim.alternative),
  };
}

const pgdAccuracy = (r: ModelRun) => mean(needed(r.attacks, r, 'attack accuracies').pgd.map((p) => p.accuracy));
const transferAccuracy = (r: ModelRun) => mean(needed(r.transfer, r, 'transfer accuracies').map((p) => p.accuracy));

/** Exploratory claims: reported beside the primary family, counted apart, never Holm-corrected with it. */
function exploratorySpecs(experiment: string): ClaimSpec[] {
  const exploratory = (
    id: string,
    statement: string,
    source: string,
    statistic: { name: string; unit: string; label: string; of: (r: ModelRun) => number },
    reference: 'baseline' | 'input-mixup',
    alternative: 'less' | 'greater',
  ): ClaimSpec => ({
    id: `${experiment}-${id}`,
    statement,
    source,
    label: `${statistic.label} than ${VARIANTS[reference].label}`,
    effect: effectText(statistic.name, 'manifold-mixup', reference, alternative),
    unit: statistic.unit,
    compare: pairedComparison(statistic.of, 'manifold-mixup', reference, alternative),
  });
  const nll = { ...STATISTIC_NAMES['test-nll'], of: PRIMARY_STATISTICS['test-nll'] };
  const pgd = {
    name: 'margin-loss PGD-10 accuracy (mean over ε)',
    unit: 'accuracy',
    label: 'more accurate under PGD-10',
    of: pgdAccuracy,
  };
  const transfer = {
    name: 'accuracy on FGSM transferred from another seed (mean over ε)',
    unit: 'accuracy',
    label: 'more accurate under transferred FGSM',
    of: transferAccuracy,
  };
  return [
    exploratory(
      'nll-vs-input-mixup',
      'Manifold mixup lowers the test NLL below input mixup',
      '§5.1, Tables 1-2 (test NLL of input mixup and manifold mixup)',
      nll,
      'input-mixup',
      'less',
    ),
    exploratory(
      'pgd-vs-baseline',
      'Manifold mixup is more robust than the baseline to PGD-10 (the paper says it gains little there)',
      '§5.3: not more robust to multi-step (PGD) attacks',
      pgd,
      'baseline',
      'greater',
    ),
    exploratory(
      'transfer-vs-baseline',
      "Manifold mixup resists FGSM transferred from another seed's model better than the baseline (a masking control)",
      '§5.3 (a transfer attack is our control for gradient masking)',
      transfer,
      'baseline',
      'greater',
    ),
    calibrationSpec(experiment),
  ];
}

/**
 * The seven primary claims in PRIMARY_CLAIMS order (ids after `primaryPrefix`: claim ids are unique
 * across experiments), then the exploratory ones (ids after the experiment's name).
 */
export function generalisationClaimSpecs(experiment: string, primaryPrefix: string): ClaimSpec[] {
  return [...PRIMARY_CLAIMS.map((claim) => primarySpec(claim, primaryPrefix)), ...exploratorySpecs(experiment)];
}
