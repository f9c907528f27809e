import { REGISTRY, type Registry } from './experiments/registry.js';
import type { AnyExperiment } from './experiments/experiment.js';
import { table } from './markdown.js';
import { shownExperiments } from './shown-experiments.js';
import { SEED_PROFILE } from './profiles.js';
import type { ExperimentResults } from './results.js';

/** Differences in method that hold for every experiment and profile (the seed's code, read line by line). */
const METHOD_DIFFERENCES: Array<[string, string, string]> = [
  ['training order', 'fixed batches, never reshuffled', 'reshuffled every epoch from the seed'],
  ['initial weights', 'unseeded, different for every model', 'seeded; the same for every model of an experiment'],
  ['reported metrics', 'test accuracy only', 'test accuracy, NLL, ECE/MCE, per-epoch history'],
  [
    'runs per model',
    'one, unseeded',
    'one per seed, models paired by seed; primary claims: exact sign-flip p, Holm over the declared family; ' +
      'exploratory claims: the 95% interval of the paired differences',
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

/** The settings in which this run's config differs from the seed's, for one experiment. */
export function configDifferences(
  experiment: AnyExperiment,
  results: ExperimentResults,
): Array<[string, string, string]> {
  const seed = flatten(experiment.settings[SEED_PROFILE]);
  const ours = flatten(results.config);
  const rows: Array<[string, string, string]> = [];
  for (const [key, value] of ours) {
    const seedValue = seed.get(key) ?? '-';
    if (seedValue !== value) rows.push([key, seedValue, value]);
  }
  return rows;
}

/** The README's "what differs from the seed" block: method, then each experiment's method and settings. */
export function renderDifferencesBlock(all: readonly ExperimentResults[], registry: Registry = REGISTRY): string {
  const rows: string[][] = METHOD_DIFFERENCES.map((row) => ['all', ...row]);
  const byName = new Map(all.map((r) => [r.experiment, r]));
  for (const experiment of shownExperiments(all, registry)) {
    const results = byName.get(experiment.name);
    for (const row of experiment.methodDifferences) rows.push([experiment.name, ...row]);
    if (results) {
      for (const [key, seed, ours] of configDifferences(experiment, results))
        rows.push([experiment.name, `\`${key}\` (profile \`${results.profile}\`)`, seed, ours]);
    }
  }
  return table(['experiment', 'setting', 'seed', 'here'], rows);
}
