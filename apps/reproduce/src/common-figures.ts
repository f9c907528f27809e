import { meanInterval } from '@manifold-mixup/analysis';
import type { FigureSpec } from './figure-spec.js';
import { check, show, type Shape } from './json-shape.js';
import type { ExperimentResults } from './results.js';

/** The first seed's per-model arrays of a figure, one per model (else an error naming the arrays file). */
export function figurePanels<T>(list: readonly T[] | undefined, models: number, file: string): readonly T[] {
  const found = list ?? [];
  if (!Array.isArray(found) || found.length !== models)
    throw new Error(
      `${file}: expected figure arrays for ${models} models, found ${Array.isArray(found) ? found.length : show(found)}`,
    );
  return found;
}

/**
 * Numbers in a figure arrays file: a typed array (decodeArrays makes them) or a plain array of numbers,
 * never an object that merely claims a length.
 */
export const figureNumbers: Shape = check(
  'a typed array or an array of numbers',
  (v) =>
    v instanceof Float32Array || v instanceof Uint8Array || (Array.isArray(v) && v.every((x) => typeof x === 'number')),
);

/** The reliability diagram of the first seed's models. */
export function reliabilityFigure(results: ExperimentResults, title: string, suffix: string): FigureSpec {
  return {
    name: `${results.experiment}-reliability.svg`,
    caption: `${title}: reliability diagram on the test set (15 equal-width confidence bins)${suffix}`,
    kind: 'reliabilityDiagram',
    data: results.models.map((m) => ({ model: m.label, bins: m.runs[0].reliability, ece: m.runs[0].metrics.ece })),
    options: { title: `${title}: reliability on the test set` },
  };
}

/** Test metrics per model over every seed: bars are means, dots single seeds. */
export function metricsFigure(results: Pick<ExperimentResults, 'experiment' | 'models'>, title: string): FigureSpec {
  const keys = ['accuracy', 'nll', 'ece', 'mce'] as const;
  const seeds = results.models[0]?.runs.length ?? 0;
  return {
    name: `${results.experiment}-metrics.svg`,
    caption:
      `${title}: test accuracy, NLL, ECE and MCE per model ` +
      `(bars: mean over ${seeds} seed${seeds === 1 ? '' : 's'}; dots: single seeds)`,
    kind: 'groupedBarChart',
    data: {
      groups: ['test accuracy', 'test NLL', 'ECE', 'MCE'],
      series: results.models.map((m) => ({
        name: m.label,
        values: keys.map((k) => m.runs.reduce((s, r) => s + r.metrics[k], 0) / m.runs.length),
        points: keys.map((k) => m.runs.map((r) => r.metrics[k])),
      })),
    },
    options: { title: `${title}: test metrics`, yLabel: 'value' },
  };
}

/**
 * One curve of an intervalCurves figure: at each x, the mean over seeds of `atX(k)` (the seeds' values
 * at x[k]) and its 95% interval; with one seed the band collapses onto the mean.
 */
export function intervalSeries(name: string, x: number[], atX: (k: number) => number[]) {
  const intervals = x.map((_, k) => meanInterval(atX(k)));
  return {
    name,
    x,
    mean: intervals.map((i) => i.mean),
    low: intervals.map((i) => (Number.isFinite(i.low) ? i.low : i.mean)),
    high: intervals.map((i) => (Number.isFinite(i.high) ? i.high : i.mean)),
  };
}
