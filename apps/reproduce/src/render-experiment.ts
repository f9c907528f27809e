import type { AnyExperiment } from './experiments/experiment.js';
import { table } from './markdown.js';
import { fix, overSeeds, pct } from './over-seeds.js';
import type { ExperimentResults, ModelRun } from './results.js';

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

function seedList(seeds: readonly number[]): string {
  const consecutive = seeds.every((s, i) => i === 0 || s === seeds[i - 1] + 1);
  return seeds.length > 2 && consecutive ? `${seeds[0]}-${seeds[seeds.length - 1]}` : seeds.join(', ');
}

/** The README block of one experiment: metrics, its statistics, figures. */
export function renderExperimentBlock(experiment: AnyExperiment, results: ExperimentResults): string {
  const n = results.seeds.length;
  return [
    `Profile \`${results.profile}\`, seeds ${seedList(results.seeds)} (${n} per model); ${results.models.length} models, ` +
      `test set of ${results.models[0]?.runs[0]?.metrics.n ?? '-'} examples. ` +
      (n > 1 ? `Each number is the mean over seeds ± the half-width of its 95% Student t interval.` : 'One seed.'),
    metricsTable(results),
    experiment.statistics(results),
    figures(results),
  ].join('\n\n');
}
