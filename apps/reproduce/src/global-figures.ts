import type { FigureSpec } from './figure-spec.js';
import type { ExperimentResults } from './results.js';

export const CLAIMS_FIGURE = 'claims-at-a-glance.svg';

/** How many seeds the experiments have: '5', or '5-10' when their counts differ (per-experiment seeds). */
export function seedCount(all: readonly ExperimentResults[]): { text: string; plural: boolean } {
  const counts = all.map((r) => r.seeds.length);
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  return { text: low === high ? String(low) : `${low}-${high}`, plural: high > 1 };
}

/**
 * Figures drawn from every experiment's results together (today: the claims at a glance, the primary
 * family first, then the exploratory claims). They are a function of results/*.json alone, so --check
 * redraws them from there.
 */
export function globalFigures(all: readonly ExperimentResults[]): FigureSpec[] {
  if (all.length === 0) return [];
  const claims = all.flatMap((r) => r.claims.map((c) => ({ experiment: r.experiment, ...c })));
  const primary = claims.filter((c) => c.primary);
  const seeds = seedCount(all).text;
  const family = (c: (typeof claims)[number]) =>
    c.primary
      ? `Primary: ${primary.length} claims of the paper, Holm over the family`
      : 'Exploratory: unadjusted, verdicts from the interval, not evidence';
  return [
    {
      name: CLAIMS_FIGURE,
      caption:
        `Every claim checked, the pre-declared primary claims first: the paired effect per seed (dots), its mean ` +
        `and 95% interval over ${seeds} seeds, right of zero = as the paper claims`,
      kind: 'claimsAtAGlance',
      data: [...primary, ...claims.filter((c) => !c.primary)].map((c) => ({
        family: family(c),
        group: c.experiment,
        label: c.label,
        unit: c.unit,
        mean: c.mean,
        low: c.interval.low ?? NaN,
        high: c.interval.high ?? NaN,
        perSeed: c.perSeed.map((s) => s.effect),
        verdict: c.verdict,
      })),
      options: {
        title: `Claims at a glance (profile ${all[0].profile}, ${seeds} seeds)`,
        subtitle:
          'Each row: the paired difference between manifold mixup and a reference model, signed so that > 0 is ' +
          'as claimed, its mean and 95% interval over seeds; dots are single seeds. Each row has its own scale, ' +
          'symmetric about the shared zero; its end values are printed at the ends.',
      },
    },
  ];
}
