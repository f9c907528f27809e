import { metricsFigure, reliabilityFigure } from './common-figures.js';
import type { AnyExperiment } from './experiments/experiment.js';
import type { FigureSpec } from './figure-spec.js';
import type { ExperimentResults } from './results.js';

/**
 * Every figure of an experiment, as data, from its results file and the first seed's arrays: its own
 * figures of one seed (maps, codes, spectra), the reliability diagram of that seed, the metrics over
 * all seeds, then its own figures over all seeds. The run and --check both draw from here.
 */
export function experimentFigures(
  experiment: AnyExperiment,
  results: ExperimentResults,
  arrays: object,
  file: string,
): FigureSpec[] {
  const seeds = results.seeds;
  const suffix = seeds.length > 1 ? `; seed ${seeds[0]}, one of ${seeds.length}` : '';
  return [
    ...experiment.figures(results, arrays, { file, suffix }),
    reliabilityFigure(results, experiment.title, suffix),
    metricsFigure(results, experiment.title),
    ...(experiment.summaryFigures?.(results) ?? []),
  ];
}
