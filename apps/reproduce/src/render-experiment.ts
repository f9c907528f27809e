import { meanInterval } from '@manifold-mixup/analysis';
import { fixed, percent, sig, table } from './markdown.js';
import type { ExperimentResults, ModelResults, ModelRun, SpectrumTable } from './results.js';

/**
 * `mean ± half-width of the 95% t interval` over seeds, formatted by `format`; a single seed prints
 * its value alone, a missing statistic '-'.
 */
export function overSeeds(
  runs: readonly ModelRun[],
  statistic: (run: ModelRun) => number | undefined,
  format: (x: number) => string,
): string {
  const values = runs.map(statistic);
  if (values.length === 0 || values.some((v) => v === undefined || !Number.isFinite(v))) return '-';
  const interval = meanInterval(values as number[]);
  if (interval.n < 2) return format(interval.mean);
  return `${format(interval.mean)} ± ${format(interval.high - interval.mean)}`;
}

// markdown.ts' formatters, curried for overSeeds (which only formats finite numbers).
const pct = (digits: number) => (x: number) => percent(x, digits);
const fix = (digits: number) => (x: number) => fixed(x, digits);
/** markdown.ts' 3 significant digits, except that an exact zero (a zero spread) keeps them: '0.00'. */
const sig3 = (x: number): string => (x === 0 ? x.toPrecision(3) : sig(x));

function metricsTable(results: ExperimentResults): string {
  const last = (r: ModelRun) => r.history[r.history.length - 1];
  return table(
    ['model', 'test accuracy', 'test NLL', 'ECE', 'MCE', 'final train loss', 'final val. accuracy'],
    results.models.map((m) => [
      m.label,
      overSeeds(m.runs, (r) => r.metrics.accuracy, pct(2)),
      overSeeds(m.runs, (r) => r.metrics.nll, fix(4)),
      overSeeds(m.runs, (r) => r.metrics.ece, pct(2)),
      overSeeds(m.runs, (r) => r.metrics.mce, pct(2)),
      overSeeds(m.runs, (r) => last(r)?.loss, fix(4)),
      overSeeds(m.runs, (r) => last(r)?.valAccuracy, pct(2)),
    ]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

function figures(results: ExperimentResults): string {
  return results.figures.map((f) => `![${f.caption}](${f.path})\n\n*${f.caption}*`).join('\n\n');
}

function spiralStatistics(results: ExperimentResults): string {
  const threshold = results.models[0]?.runs[0]?.analysis.confidence?.threshold ?? 0.9;
  return table(
    ['model', `grid area with top-class P < ${threshold}`, 'mean entropy (nats)', 'total variation of P(class 1)'],
    results.models.map((m) => [
      m.label,
      overSeeds(m.runs, (r) => r.analysis.confidence?.lowConfidenceFraction, pct(1)),
      overSeeds(m.runs, (r) => r.analysis.confidence?.meanEntropy, fix(4)),
      overSeeds(m.runs, (r) => r.analysis.confidence?.totalVariation, sig3),
    ]),
    ['l', 'r', 'r', 'r'],
  );
}

function marginStatistics(results: ExperimentResults): string {
  const groups = results.models[0]?.runs[0]?.analysis.margins?.map((g) => g.digits) ?? [];
  const rows = results.models.flatMap((m) =>
    groups.map((digits, g) => {
      const at = (r: ModelRun) => r.analysis.margins?.[g];
      return [
        m.label,
        digits,
        String(at(m.runs[0])?.n ?? '-'),
        overSeeds(m.runs, (r) => at(r)?.meanMargin, sig3),
        overSeeds(m.runs, (r) => at(r)?.minMargin, sig3),
        overSeeds(m.runs, (r) => at(r)?.closestPairDistanceP05, sig3),
        overSeeds(m.runs, (r) => at(r)?.silhouette, fix(3)),
      ];
    }),
  );
  return table(
    ['model', 'digits', 'points', 'mean margin', 'min margin', 'closest cross-class pairs (5th pct.)', 'silhouette'],
    rows,
    ['l', 'l', 'r', 'r', 'r', 'r', 'r'],
  );
}

const VARIANTS: Array<{ key: 'raw' | 'normalized' | 'centeredNormalized'; label: string }> = [
  { key: 'raw', label: 'raw, uncentred (as the seed)' },
  { key: 'normalized', label: 'normalised (÷√n), uncentred' },
  { key: 'centeredNormalized', label: 'normalised, centred' },
];

/** The paper's section 3.2 table (largest σ / sum of the others per class, means over classes). */
const PAPER_TABLE: Record<string, [number, number]> = {
  baseline: [51.73, 78.67],
  'weight-decay': [33.76, 73.36],
  dropout: [28.83, 77.47],
  'input-mixup': [33.46, 66.89],
  'manifold-mixup': [31.65, 40.98],
};

function spectraStatistics(results: ExperimentResults): string {
  const spectrum = (r: ModelRun, key: (typeof VARIANTS)[number]['key']): SpectrumTable | undefined =>
    r.analysis.spectra?.[key];
  const averaged = table(
    [
      'model',
      'spectrum',
      'largest σ',
      'sum of the others',
      'effective rank',
      'significant directions',
      'all classes pooled: significant directions',
    ],
    results.models.flatMap((m) =>
      VARIANTS.map(({ key, label }) => [
        m.label,
        label,
        overSeeds(m.runs, (r) => spectrum(r, key)?.mean.largest, sig3),
        overSeeds(m.runs, (r) => spectrum(r, key)?.mean.sumOfOthers, sig3),
        overSeeds(m.runs, (r) => spectrum(r, key)?.mean.effectiveRank, fix(2)),
        overSeeds(m.runs, (r) => spectrum(r, key)?.mean.significantDirections, fix(1)),
        overSeeds(m.runs, (r) => spectrum(r, key)?.allClasses.significantDirections, fix(1)),
      ]),
    ),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r'],
  );
  const ratio = (r: ModelRun) => {
    const raw = spectrum(r, 'raw');
    return raw ? raw.mean.sumOfOthers / raw.mean.largest : undefined;
  };
  const paper = table(
    [
      'model',
      'largest σ (ours)',
      'sum of the others (ours)',
      'others / largest (ours)',
      'paper: largest σ',
      'paper: sum of the others',
      'paper: others / largest',
    ],
    results.models.map((m) => {
      const p = PAPER_TABLE[m.model];
      return [
        m.label,
        overSeeds(m.runs, (r) => spectrum(r, 'raw')?.mean.largest, sig3),
        overSeeds(m.runs, (r) => spectrum(r, 'raw')?.mean.sumOfOthers, sig3),
        overSeeds(m.runs, ratio, fix(2)),
        p ? p[0].toFixed(2) : '-',
        p ? p[1].toFixed(2) : '-',
        p ? (p[1] / p[0]).toFixed(2) : '-',
      ];
    }),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
  return (
    `Means over the ten classes (then over seeds):\n\n${averaged}\n\n` +
    "The paper's section 3.2 comparison of regularisers, beside its numbers: per class, the largest singular value " +
    'and the sum of the others of the raw, uncentred spectrum of the 12-D codes, averaged over the ten classes ' +
    `(the ratio does not depend on the codes' scale or the number of examples):\n\n${paper}`
  );
}

function fgsmTable(results: ExperimentResults): string {
  const epsilons = results.models[0]?.runs[0]?.fgsm?.map((p) => p.epsilon) ?? [];
  if (epsilons.length === 0) return '';
  return (
    'Test accuracy under FGSM (x + ε·sign(∇ₓ loss), clipped to [0, 1]):\n\n' +
    table(
      ['model', ...epsilons.map((e) => `ε = ${e}`)],
      results.models.map((m: ModelResults) => [
        m.label,
        ...epsilons.map((_, e) => overSeeds(m.runs, (r) => r.fgsm?.[e]?.accuracy, pct(1))),
      ]),
      ['l', ...epsilons.map(() => 'r' as const)],
    )
  );
}

function seedList(seeds: readonly number[]): string {
  const consecutive = seeds.every((s, i) => i === 0 || s === seeds[i - 1] + 1);
  return seeds.length > 2 && consecutive ? `${seeds[0]}-${seeds[seeds.length - 1]}` : seeds.join(', ');
}

/** The README block of one experiment: metrics, its statistics, figures. */
export function renderExperimentBlock(results: ExperimentResults): string {
  const stats =
    results.experiment === 'spiral'
      ? spiralStatistics(results)
      : results.experiment === 'bottleneck-2d'
        ? marginStatistics(results)
        : `${spectraStatistics(results)}\n\n${fgsmTable(results)}`;
  const n = results.seeds.length;
  return [
    `Profile \`${results.profile}\`, seeds ${seedList(results.seeds)} (${n} per model); ${results.models.length} models, ` +
      `test set of ${results.models[0]?.runs[0]?.metrics.n ?? '-'} examples. ` +
      (n > 1 ? `Each number is the mean over seeds ± the half-width of its 95% Student t interval.` : 'One seed.'),
    metricsTable(results),
    stats,
    figures(results),
  ].join('\n\n');
}
