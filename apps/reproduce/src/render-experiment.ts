import { fixed, percent, sig, table } from './markdown.js';
import type { ExperimentResults, ModelResults, SpectrumTable } from './results.js';

function metricsTable(results: ExperimentResults): string {
  const last = (m: ModelResults) => m.history[m.history.length - 1];
  return table(
    ['model', 'test accuracy', 'test NLL', 'ECE', 'MCE', 'final train loss', 'final val. accuracy'],
    results.models.map((m) => [
      m.label,
      percent(m.metrics.accuracy, 2),
      fixed(m.metrics.nll, 4),
      percent(m.metrics.ece, 2),
      percent(m.metrics.mce, 2),
      fixed(last(m)?.loss, 4),
      percent(last(m)?.valAccuracy, 2),
    ]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

function figures(results: ExperimentResults): string {
  return results.figures.map((f) => `![${f.caption}](${f.path})\n\n*${f.caption}*`).join('\n\n');
}

function spiralStatistics(results: ExperimentResults): string {
  const threshold = results.models[0]?.analysis.confidence?.threshold ?? 0.9;
  return table(
    ['model', `grid area with top-class P < ${threshold}`, 'mean entropy (nats)', 'total variation of P(class 1)'],
    results.models.map((m) => {
      const c = m.analysis.confidence;
      return [m.label, percent(c?.lowConfidenceFraction), fixed(c?.meanEntropy, 4), sig(c?.totalVariation)];
    }),
    ['l', 'r', 'r', 'r'],
  );
}

function marginStatistics(results: ExperimentResults): string {
  const rows = results.models.flatMap((m) =>
    (m.analysis.margins ?? []).map((g) => [
      m.label,
      g.digits,
      String(g.n),
      sig(g.meanMargin),
      sig(g.minMargin),
      sig(g.closestPairDistanceP05),
      fixed(g.silhouette, 3),
    ]),
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

function spectraStatistics(results: ExperimentResults): string {
  const spectra = (m: ModelResults, key: (typeof VARIANTS)[number]['key']): SpectrumTable | undefined =>
    m.analysis.spectra?.[key];
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
      VARIANTS.map(({ key, label }) => {
        const s = spectra(m, key);
        return [
          m.label,
          label,
          sig(s?.mean.largest),
          sig(s?.mean.sumOfOthers),
          fixed(s?.mean.effectiveRank, 2),
          fixed(s?.mean.significantDirections, 1),
          String(s?.allClasses.significantDirections ?? '-'),
        ];
      }),
    ),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r'],
  );
  const labels = results.models[0]?.analysis.spectra?.raw.perClass.map((r) => r.label) ?? [];
  const perClass = table(
    ['digit', 'n', ...results.models.map((m) => `${m.label}: largest σ / sum of others / directions`)],
    labels.map((label, c) => [
      String(label),
      String(spectra(results.models[0], 'raw')?.perClass[c]?.n ?? '-'),
      ...results.models.map((m) => {
        const raw = spectra(m, 'raw')?.perClass[c];
        const centred = spectra(m, 'centeredNormalized')?.perClass[c];
        return raw && centred
          ? `${sig(raw.largest)} / ${sig(raw.sumOfOthers)} / ${centred.significantDirections}`
          : '-';
      }),
    ]),
    ['l', 'r', ...results.models.map(() => 'r' as const)],
  );
  return (
    `Means over the ten classes:\n\n${averaged}\n\n` +
    'Per class, the numbers the claims use: largest singular value and sum of the others of the raw uncentred spectrum ' +
    `(the paper's section 3.2 statistics), significant directions of the centred spectrum (Theorem 1):\n\n${perClass}`
  );
}

/** The README block of one experiment: metrics, its statistics, figures. */
export function renderExperimentBlock(results: ExperimentResults): string {
  const stats =
    results.experiment === 'spiral'
      ? spiralStatistics(results)
      : results.experiment === 'bottleneck-2d'
        ? marginStatistics(results)
        : spectraStatistics(results);
  return [
    `Profile \`${results.profile}\`, seed ${results.seed}; ${results.models.length} models, test set of ${results.models[0]?.metrics.n ?? '-'} examples.`,
    metricsTable(results),
    stats,
    figures(results),
  ].join('\n\n');
}
