import { table } from './markdown.js';
import { EXPERIMENT_NAMES, SEED_PROFILE, type ExperimentName } from './profiles.js';
import type { ExperimentResults } from './results.js';

/** Differences in method that hold for every profile (the seed's code, read line by line). */
const METHOD_DIFFERENCES: Array<[ExperimentName | 'all', string, string, string]> = [
  ['all', 'training order', 'fixed batches, never reshuffled', 'reshuffled every epoch from the seed'],
  [
    'all',
    'initial weights',
    'unseeded, different for every model',
    'seeded; the same for every model of an experiment',
  ],
  ['all', 'reported metrics', 'test accuracy only', 'test accuracy, NLL, ECE/MCE, per-epoch history'],
  [
    'all',
    'runs per model',
    'one, unseeded',
    'one per seed, models paired by seed; verdicts from the 95% interval of the paired differences',
  ],
  [
    'spiral',
    'confidence map',
    'softmax applied twice: colours span only 0.27-0.73',
    'true P(class 1), colour scale 0-1',
  ],
  [
    'bottleneck-2d',
    'points in the scatter figures',
    'the first 250 training points of digits 0-4 (resp. 0-9) in total',
    'a seeded choice of `scatterPerClass` training points per digit',
  ],
  [
    'bottleneck-12d',
    'manifold mixup layer',
    'the bottleneck itself was eligible, so its 1024-D input was mixed',
    'the layer after the bottleneck is eligible: the 12-D codes are mixed (paper, appendix G)',
  ],
  ['bottleneck-12d', 'baseline epochs', '6 (input and manifold mixup: 24)', 'the same for every model'],
  [
    'bottleneck-12d',
    'models',
    'baseline, input mixup, manifold mixup',
    "also weight decay and dropout (the paper's section 3.2 comparison); FGSM accuracy of every model",
  ],
];

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value))
      for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  } else {
    out.set(prefix, value === null ? 'all' : JSON.stringify(value));
  }
  return out;
}

/** The settings in which this run's config differs from the seed's, per experiment. */
export function configDifferences(results: ExperimentResults): Array<[string, string, string]> {
  const seed = flatten(SEED_PROFILE[results.experiment]);
  const ours = flatten(results.config);
  const rows: Array<[string, string, string]> = [];
  for (const [key, value] of ours) {
    const seedValue = seed.get(key) ?? '-';
    if (seedValue !== value) rows.push([key, seedValue, value]);
  }
  return rows;
}

/** The README's "what differs from the seed" block. */
export function renderDifferencesBlock(all: readonly ExperimentResults[]): string {
  const rows: string[][] = [];
  for (const experiment of ['all', ...EXPERIMENT_NAMES] as const) {
    for (const [scope, what, seed, ours] of METHOD_DIFFERENCES) {
      if (scope === experiment) rows.push([experiment, what, seed, ours]);
    }
    const results = all.find((r) => r.experiment === experiment);
    if (results) {
      for (const [key, seed, ours] of configDifferences(results))
        rows.push([experiment, `\`${key}\` (profile \`${results.profile}\`)`, seed, ours]);
    }
  }
  return table(['experiment', 'setting', 'seed', 'here'], rows);
}
