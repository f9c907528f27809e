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
 * Figures drawn from every experiment's results together (today: the claims at a glance). They are
 * a function of results/*.json alone, so --check redraws them from there.
 */
export function globalFigures(all: readonly ExperimentResults[]): FigureSpec[] {
  if (all.length === 0) return [];
  const seeds = seedCount(all).text;
  return [
    {
      name: CLAIMS_FIGURE,
      caption:
        `Every claim checked: the paired effect per seed (dots), its mean and 95% interval over ${seeds} ` +
        'seeds, right of zero = as the paper claims',
      kind: 'claimsAtAGlance',
      data: all.flatMap((r) =>
        r.claims.map((c) => ({
          group: r.experiment,
          label: c.label,
          unit: c.unit,
          mean: c.mean,
          low: c.interval.low ?? NaN,
          high: c.interval.high ?? NaN,
          perSeed: c.perSeed.map((s) => s.effect),
          verdict: c.verdict,
        })),
      ),
      options: { title: `Claims at a glance (profile ${all[0].profile}, ${seeds} seeds)` },
    },
  ];
}
