import { makeGrid, meanInterval } from '@manifold-mixup/analysis';
import type { FigureSpec } from './figure-spec.js';
import type { SpiralSettings } from './profiles.js';
import type { ExperimentResults, ModelResults } from './results.js';

/**
 * What an experiment's figures need beyond results/<experiment>.json, for its first seed: the spiral's
 * P(class 1) grid and training points, the 2-D codes drawn in the scatters (nothing for the 12-D).
 */
export interface FigureArrays {
  panels?: Array<{
    probability?: Float32Array;
    points?: Float32Array;
    labels?: ArrayLike<number>;
    groups?: Array<{ digits: string; codes: Float32Array; labels: Uint8Array }>;
  }>;
}

const TITLES = {
  spiral: 'Two spirals',
  'bottleneck-2d': 'MNIST, 2-D bottleneck',
  'bottleneck-12d': 'MNIST, 12-D bottleneck',
} as const;

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

function panels(arrays: FigureArrays, models: readonly ModelResults[], file: string) {
  const list = arrays.panels ?? [];
  if (list.length !== models.length)
    throw new Error(`${file}: expected figure arrays for ${models.length} models, found ${list.length}`);
  return list;
}

/** The reliability diagram of the first seed's models. */
function reliabilityFigure(results: ExperimentResults, suffix: string): FigureSpec {
  const title = TITLES[results.experiment];
  return {
    name: `${results.experiment}-reliability.svg`,
    caption: `${title}: reliability diagram on the test set (15 equal-width confidence bins)${suffix}`,
    kind: 'reliabilityDiagram',
    data: results.models.map((m) => ({ model: m.label, bins: m.runs[0].reliability, ece: m.runs[0].metrics.ece })),
    options: { title: `${title}: reliability on the test set` },
  };
}

/** Test metrics per model over every seed: bars are means, dots single seeds. */
export function metricsFigure(results: Pick<ExperimentResults, 'experiment' | 'models'>): FigureSpec {
  const keys = ['accuracy', 'nll', 'ece', 'mce'] as const;
  const title = TITLES[results.experiment];
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

/** Test accuracy against FGSM strength per model: mean over seeds with its 95% interval. */
function fgsmFigure(results: ExperimentResults): FigureSpec {
  const seeds = results.seeds.length;
  return {
    name: 'bottleneck-12d-fgsm.svg',
    caption: `MNIST, 12-D bottleneck: test accuracy under FGSM against ε (mean over ${seeds} seeds; band: 95% interval)`,
    kind: 'intervalCurves',
    data: results.models.map((m) => {
      const epsilons = (m.runs[0].fgsm ?? []).map((p) => p.epsilon);
      const intervals = epsilons.map((_, e) => meanInterval(m.runs.map((r) => (r.fgsm ?? [])[e].accuracy)));
      return {
        name: m.label,
        x: epsilons,
        mean: intervals.map((i) => i.mean),
        // With one seed there is no interval: the band collapses onto the mean.
        low: intervals.map((i) => (Number.isFinite(i.low) ? i.low : i.mean)),
        high: intervals.map((i) => (Number.isFinite(i.high) ? i.high : i.mean)),
      };
    }),
    options: {
      title: 'MNIST, 12-D bottleneck: accuracy under FGSM',
      xLabel: 'ε (pixels in [0, 1])',
      yLabel: 'test accuracy',
      yDomain: [0, 1],
    },
  };
}

/**
 * Every figure of an experiment, as data, from its results file and the first seed's arrays: the
 * figures of one seed (maps, codes, spectra, reliability) for the first seed, the metrics (and FGSM)
 * figures over all seeds. The run and --check both draw from here.
 */
export function experimentFigures(results: ExperimentResults, arrays: FigureArrays, file: string): FigureSpec[] {
  const seeds = results.seeds;
  const suffix = seeds.length > 1 ? `; seed ${seeds[0]}, one of ${seeds.length}` : '';
  const models = results.models;
  const figures: FigureSpec[] = [];
  if (results.experiment === 'spiral') {
    const s = results.config as SpiralSettings;
    const e = s.extent;
    const grid = makeGrid({ xMin: -e, xMax: e, yMin: -e, yMax: e }, s.gridResolution);
    figures.push({
      name: 'spiral-confidence.svg',
      caption: `Two spirals: P(class 1) over [-${e}, ${e}]² with training points, baseline vs manifold mixup${suffix}`,
      kind: 'confidenceMaps',
      data: panels(arrays, models, file).map((p, i) => ({
        title: models[i].label,
        grid: { xMin: grid.xMin, xMax: grid.xMax, yMin: grid.yMin, yMax: grid.yMax, nx: grid.nx, ny: grid.ny },
        probability: p.probability,
        points: { x: p.points, labels: p.labels },
      })),
      options: { title: 'Two spirals: P(class 1)', classNames: ['class 0', 'class 1'] },
    });
  } else if (results.experiment === 'bottleneck-2d') {
    const list = panels(arrays, models, file);
    const perClass = (results.config as { scatterPerClass: number }).scatterPerClass;
    for (const [g, { digits }] of (list[0].groups ?? []).entries()) {
      figures.push({
        name: `bottleneck-2d-digits-${digits}.svg`,
        caption:
          `MNIST, 2-D bottleneck: codes of ${perClass} training images per digit, digits ${digits}, ` +
          `baseline vs manifold mixup (each panel has its own axes)${suffix}`,
        kind: 'scatterPlots',
        data: list.map((p, i) => ({
          title: models[i].label,
          codes: p.groups?.[g].codes,
          labels: p.groups?.[g].labels,
        })),
        options: { title: `2-D bottleneck codes, digits ${digits}`, classNames: DIGITS, sharedAxes: false },
      });
    }
  } else {
    figures.push({
      name: 'bottleneck-12d-spectra.svg',
      caption:
        "MNIST, 12-D bottleneck: singular values of each digit's training codes " +
        `(uncentred, divided by √n; log scale), per model${suffix}`,
      kind: 'spectraSmallMultiples',
      data: models.map((m) => ({
        model: m.label,
        perClass: (m.runs[0].analysis.spectra?.normalized.perClass ?? []).map((c) => ({
          label: c.label,
          singularValues: c.singularValues,
        })),
      })),
      options: {
        title: 'Singular values of the 12-D codes per digit (÷√n, log scale)',
        yScale: 'log',
        classNames: DIGITS.map((d) => `digit ${d}`),
      },
    });
  }
  figures.push(reliabilityFigure(results, suffix), metricsFigure(results));
  if (results.experiment === 'bottleneck-12d') figures.push(fgsmFigure(results));
  return figures;
}
