import { metricsFigure, reliabilityFigure } from './common-figures.js';
import type { AnyExperiment } from './experiments/experiment.js';
import type { FigureSpec } from './figure-spec.js';
import { FileFormatError } from './file-format-error.js';
import { show } from './json-shape.js';
import { figureNamePattern, type ExperimentResults } from './results.js';

/**
 * Every figure of an experiment, as data, from its results file and the first seed's arrays: its own
 * figures of one seed (maps, codes, spectra), the reliability diagram of that seed, the metrics over
 * all seeds, then its own figures over all seeds. The run and --check both draw from here; every name
 * is of figureNamePattern's form (else a FileFormatError naming `file`, the arrays file).
 */
export function experimentFigures(
  experiment: AnyExperiment,
  results: ExperimentResults,
  arrays: object,
  file: string,
): FigureSpec[] {
  const seeds = results.seeds;
  const suffix = seeds.length > 1 ? `; seed ${seeds[0]}, one of ${seeds.length}` : '';
  const specs = [
    ...experiment.figures(results, arrays, { file, suffix }),
    reliabilityFigure(results, experiment.title, suffix),
    metricsFigure(results, experiment.title),
    ...(experiment.summaryFigures?.(results) ?? []),
  ];
  // A name may be made from the files (bottleneck-2d's digit groups): it becomes a path in figures/.
  const form = figureNamePattern(experiment.name);
  for (const spec of specs)
    if (!form.test(spec.name))
      throw new FileFormatError(
        'BAD_FIELD',
        { file, field: 'figure name' },
        `${experiment.name}-<lowercase words>.svg`,
        show(spec.name),
      );
  return specs;
}
