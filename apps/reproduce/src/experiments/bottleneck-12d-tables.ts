import { table } from '../markdown.js';
import { fix, overSeeds, pct, sig3 } from '../over-seeds.js';
import type { ExperimentResults, ModelResults, ModelRun, SpectrumTable } from '../results.js';

const SPECTRA: Array<{ key: 'raw' | 'normalized' | 'centeredNormalized'; label: string }> = [
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

/** The spectra's summaries per model and spectrum, then the section 3.2 comparison beside the paper's numbers. */
export function spectraStatistics(results: ExperimentResults): string {
  const spectrum = (r: ModelRun, key: (typeof SPECTRA)[number]['key']): SpectrumTable | undefined =>
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
      SPECTRA.map(({ key, label }) => [
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

/** Test accuracy under FGSM per model and ε ('' without FGSM results). */
export function fgsmTable(results: ExperimentResults): string {
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
