// Interval curves: one line per series (the mean, with a marker at each x) over a shaded band from low to high,
// e.g. test accuracy under FGSM against epsilon, mean and 95% interval over seeds.
import { scaleLinear } from 'd3-scale';
import { serializeFigure, type Group } from './document.js';
import type { FigureOptions } from './figure-options.js';
import { axisExtent, drawAxis } from './axes.js';
import { drawPanelBorder, openFrame } from './frame.js';
import { layout, type Rect } from './layout.js';
import { drawMarker, type MarkerShape } from './markers.js';
import { colors, seriesColor } from './theme.js';
import { compact, pathFrom } from './format.js';
import {
  arrayLike,
  describeFound,
  fail,
  figureOptions,
  finiteNumber,
  finiteValues,
  nonEmptyArray,
  typeError,
} from './validate.js';

export interface IntervalSeries {
  name: string;
  x: number[];
  mean: number[];
  /** Lower end of the interval at each x; low and high may both be non-finite at an x (no band there). */
  low: number[];
  high: number[];
}

export interface IntervalCurvesOptions extends FigureOptions {
  xLabel?: string;
  yLabel?: string;
  subtitle?: string;
  /** Formats y ticks and the numbers in the description (default: 3 significant digits). */
  format?: (value: number) => string;
  /** y range (default: the data's, rounded outward). */
  yDomain?: [number, number];
}

const figureName = 'intervalCurves';
// A shape per series as well as a colour, so the lines stay apart in greyscale and for colour-blind readers.
const shapes: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond'];
const plotWidth = 520;
const plotHeight = 300;

function validate(series: readonly IntervalSeries[]): void {
  series.forEach((s, i) => {
    const f = `series[${i}]`;
    if (!s || typeof s.name !== 'string')
      fail(figureName, `${f}.name`, 'must be a string', describeFound(s?.name), typeError);
    const n = nonEmptyArray(figureName, `${f}.x`, s.x).length;
    finiteValues(figureName, `${f}.x`, s.x);
    arrayLike(figureName, `${f}.mean`, s.mean, n);
    finiteValues(figureName, `${f}.mean`, s.mean);
    arrayLike(figureName, `${f}.low`, s.low, n);
    arrayLike(figureName, `${f}.high`, s.high, n);
    for (let k = 0; k < n; k++) {
      if (!Number.isFinite(s.low[k]) && !Number.isFinite(s.high[k])) continue;
      finiteNumber(figureName, `${f}.low[${k}]`, s.low[k]);
      finiteNumber(figureName, `${f}.high[${k}]`, s.high[k]);
      if (!(s.low[k] <= s.mean[k]))
        fail(figureName, `${f}.low[${k}]`, `must be <= mean[${k}] (${s.mean[k]})`, String(s.low[k]));
      if (!(s.high[k] >= s.mean[k]))
        fail(figureName, `${f}.high[${k}]`, `must be >= mean[${k}] (${s.mean[k]})`, String(s.high[k]));
    }
  });
}

/**
 * Curves of a mean over seeds against x, one per series with a marker at each measured x (one colour and one marker
 * shape per series), over a shaded band from low to high: e.g. test accuracy under FGSM against epsilon, mean and
 * 95% interval over seeds.
 *
 * ```js
 * const x = [0, 0.05, 0.1];
 * const svg = intervalCurves(
 *   [
 *     { name: 'baseline', x, mean: [0.98, 0.7, 0.4], low: [0.97, 0.65, 0.33], high: [0.99, 0.75, 0.47] },
 *     { name: 'manifold mixup', x, mean: [0.985, 0.8, 0.55], low: [0.98, NaN, 0.5], high: [0.99, NaN, 0.6] },
 *   ],
 *   { xLabel: 'epsilon', yLabel: 'test accuracy', yDomain: [0, 1] },
 * );
 * ```
 * @param series One entry per series: its name, the x values and at each the mean and the interval's low and high
 *   ends (both non-finite where there is no interval, e.g. a single seed).
 * @param options Title, subtitle, axis labels, a number format (default: 3 significant digits), the y range
 *   (default: the data's, rounded outward), rendered size and document.
 * @returns A standalone SVG string.
 */
export function intervalCurves(series: IntervalSeries[], options: IntervalCurvesOptions = {}): string {
  figureOptions(figureName, options);
  nonEmptyArray(figureName, 'series', series);
  validate(series);
  if (options.yDomain !== undefined) {
    const d = options.yDomain;
    if (!Array.isArray(d)) fail(figureName, 'options.yDomain', 'must be [min, max]', describeFound(d), typeError);
    if (d.length !== 2) fail(figureName, 'options.yDomain', 'must be [min, max]', describeFound(d));
    finiteNumber(figureName, 'options.yDomain[0]', d[0]);
    finiteNumber(figureName, 'options.yDomain[1]', d[1]);
    if (!(d[1] > d[0])) fail(figureName, 'options.yDomain[1]', `must exceed yDomain[0] (${d[0]})`, String(d[1]));
  }
  const fmt = options.format ?? compact;
  const subtitle =
    options.subtitle ??
    'Lines: the mean of each series, with a marker at each measured x; shaded: its 95% interval over seeds.';
  const xs = series.flatMap((s) => s.x);
  const ys = series.flatMap((s) => [...s.mean, ...s.low, ...s.high].filter(Number.isFinite));
  const y = scaleLinear().range([plotHeight, 0]);
  if (options.yDomain) y.domain(options.yDomain);
  else {
    y.domain([Math.min(...ys), Math.max(...ys)]).nice();
    if (y.domain()[0] === y.domain()[1]) y.domain([y.domain()[0] - 1, y.domain()[1] + 1]);
  }
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const pad = x1 > x0 ? (x1 - x0) * 0.04 : 1;
  const distinct = [...new Set(xs)].sort((a, b) => a - b);
  const axes: PlotAxes = {
    xDomain: [x0 - pad, x1 + pad],
    yDomain: y.domain(),
    xLabel: options.xLabel ?? 'x',
    yLabel: options.yLabel || undefined,
    // The measured x values are the ticks when there are few (e.g. the epsilons of an attack).
    xTicks: distinct.length <= 8 ? distinct : undefined,
    fmt,
  };
  const probeX = scaleLinear().domain(axes.xDomain).range([0, plotWidth]);
  const dims = layout({
    title: options.title ?? 'Mean and interval by x',
    subtitle,
    legend: series.map((s, i) => ({ label: s.name, color: seriesColor(i), symbol: shapes[i % shapes.length] })),
    headroom: 6,
    panelWidth: plotWidth,
    panelHeight: plotHeight,
    marginLeft: axisExtent(y, { orient: 'left', at: 0, label: axes.yLabel, format: fmt }),
    marginBottom: axisExtent(probeX, {
      orient: 'bottom',
      at: 0,
      label: axes.xLabel,
      tickValues: axes.xTicks,
      format: fmt,
    }),
  });
  const figure = openFrame({ ...dims, description: describe(series, subtitle, axes), document: options.document });
  drawCurves(figure.root, series, dims.panels[0], axes);
  return serializeFigure(figure, options);
}

interface PlotAxes {
  xDomain: [number, number];
  yDomain: number[];
  xLabel: string;
  yLabel: string | undefined;
  xTicks: number[] | undefined;
  fmt: (value: number) => string;
}

/** The subtitle, then every series' mean (and interval) at each x, in words. */
function describe(series: readonly IntervalSeries[], subtitle: string, axes: PlotAxes): string {
  const { fmt, xLabel } = axes;
  const values = (s: IntervalSeries) =>
    s.x
      .map((xv, k) => {
        const band = Number.isFinite(s.low[k]) ? ` (${fmt(s.low[k])} to ${fmt(s.high[k])})` : '';
        return `at ${xLabel} ${fmt(xv)} ${fmt(s.mean[k])}${band}`;
      })
      .join(', ');
  return `${subtitle} ${series.map((s) => `${s.name}: ${values(s)}`).join('; ')}.`;
}

/** The plot: axes with grid, each series' interval bands, then its mean line with markers, and the outline. */
function drawCurves(root: Group, series: readonly IntervalSeries[], rect: Rect, axes: PlotAxes): void {
  const sx = scaleLinear()
    .domain(axes.xDomain)
    .range([rect.x, rect.x + rect.width]);
  const sy = scaleLinear()
    .domain(axes.yDomain)
    .range([rect.y + rect.height, rect.y]);
  const { fmt } = axes;
  const g = root.append<SVGElement>('g').attr('class', 'panel');
  drawAxis(g, sy, { orient: 'left', at: rect.x, label: axes.yLabel, format: fmt, grid: rect.width });
  drawAxis(g, sx, {
    orient: 'bottom',
    at: rect.y + rect.height,
    label: axes.xLabel,
    tickValues: axes.xTicks,
    format: fmt,
  });
  const order = series.map((s) => s.x.map((_, k) => k).sort((a, b) => s.x[a] - s.x[b]));
  const bands = g.append<SVGElement>('g').attr('class', 'bands').attr('fill-opacity', '0.18');
  // Wide intervals (few seeds) may leave the y range; the band stops at the plot's edge.
  const [yLow, yHigh] = [Math.min(...sy.domain()), Math.max(...sy.domain())];
  const inRange = (v: number): number => Math.min(yHigh, Math.max(yLow, v));
  series.forEach((s, i) => {
    // One closed area per run of x values that have an interval.
    const runs: number[][] = [[]];
    for (const k of order[i]) {
      if (Number.isFinite(s.low[k])) runs[runs.length - 1].push(k);
      else if (runs[runs.length - 1].length > 0) runs.push([]);
    }
    let d = '';
    for (const run of runs) {
      if (run.length === 0) continue;
      const upper = run.map((k): [number, number] => [sx(s.x[k]), sy(inRange(s.high[k]))]);
      const lower = run.map((k): [number, number] => [sx(s.x[k]), sy(inRange(s.low[k]))]).reverse();
      d += pathFrom([...upper, ...lower], true);
    }
    if (d) bands.append('path').attr('d', d).attr('fill', seriesColor(i));
  });
  series.forEach((s, i) => {
    const line = g.append<SVGElement>('g').attr('class', 'series');
    line
      .append('path')
      .attr('d', pathFrom(order[i].map((k): [number, number] => [sx(s.x[k]), sy(s.mean[k])])))
      .attr('fill', 'none')
      .attr('stroke', seriesColor(i))
      .attr('stroke-width', '2');
    for (const k of order[i])
      drawMarker(line, shapes[i % shapes.length], sx(s.x[k]), sy(s.mean[k]), 3.6, seriesColor(i), '#ffffff');
  });
  drawPanelBorder(g, rect, { stroke: colors.panelBorder });
}
