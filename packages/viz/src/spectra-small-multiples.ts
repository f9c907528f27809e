// Singular-value spectra: one small panel per class, one line per model, a single legend, linear or log y.
import { scaleLinear, scaleLog } from 'd3-scale';
import { serializeFigure, type Group } from './document.js';
import type { FigureOptions } from './figure-options.js';
import { axisExtent, drawAxis, type AxisScale } from './axes.js';
import { layout, panelTitleRoom, type Rect } from './layout.js';
import { drawPanelBorder, drawPanelTitle, openFrame } from './frame.js';
import { drawMarker } from './markers.js';
import { colors, seriesColor } from './theme.js';
import {
  describeFound,
  fail,
  figureOptions,
  finiteValues,
  nonEmptyArray,
  nonNegativeInteger,
  positiveInteger,
  positiveNumber,
  typeError,
} from './validate.js';
import { compact, pathFrom } from './format.js';

export interface SpectrumSeries {
  model: string;
  perClass: Array<{ label: number; singularValues: number[] }>;
}

export interface SpectraOptions extends FigureOptions {
  yScale?: 'linear' | 'log';
  classNames?: string[];
  subtitle?: string;
  /** Panels per row (default min(5, classes)). */
  columns?: number;
  panelWidth?: number;
  panelHeight?: number;
}

const figureName = 'spectraSmallMultiples';

function validate(series: SpectrumSeries[]): void {
  series.forEach((s, i) => {
    if (!s || typeof s.model !== 'string')
      fail(figureName, `series[${i}].model`, 'must be a string', describeFound(s?.model), typeError);
    nonEmptyArray(figureName, `series[${i}].perClass`, s.perClass);
    s.perClass.forEach((c, k) => {
      const f = `series[${i}].perClass[${k}]`;
      nonNegativeInteger(figureName, `${f}.label`, c?.label);
      nonEmptyArray(figureName, `${f}.singularValues`, c.singularValues);
      finiteValues(figureName, `${f}.singularValues`, c.singularValues, 0);
    });
  });
}

/**
 * Small multiples of per-class singular values: one panel per class, one line per model, values in descending order,
 * on a y axis (linear or log) shared by all panels so that heights compare across classes.
 *
 * ```js
 * const spectrum = (label, singularValues) => ({ label, singularValues });
 * const svg = spectraSmallMultiples(
 *   [
 *     { model: 'baseline', perClass: [spectrum(0, [10, 4, 2]), spectrum(1, [8, 3, 1])] },
 *     { model: 'manifold mixup', perClass: [spectrum(0, [6, 1, 0.3]), spectrum(1, [5, 0.8, 0.2])] },
 *   ],
 *   { yScale: 'log', classNames: ['zero', 'one'] },
 * );
 * ```
 * @param series One entry per model: its name and, per class label, the singular values (analysis'
 *   perClassSingularValues returns them in this shape).
 * @param options Title, subtitle, class names, y scale ('linear' or 'log'), panels per row (default min(5,
 *   classes)), panel size in px (default 190 x 150), rendered size and document.
 * @returns A standalone SVG string.
 */
export function spectraSmallMultiples(series: SpectrumSeries[], options: SpectraOptions = {}): string {
  figureOptions(figureName, options);
  nonEmptyArray(figureName, 'series', series);
  validate(series);
  const log = (options.yScale ?? 'linear') === 'log';
  if (options.yScale !== undefined && options.yScale !== 'linear' && options.yScale !== 'log') {
    fail(figureName, 'options.yScale', "must be 'linear' or 'log'", String(options.yScale));
  }
  const labels = [...new Set(series.flatMap((s) => s.perClass.map((c) => c.label)))].sort((a, b) => a - b);
  const nameOf = (c: number) => options.classNames?.[c] ?? `class ${c}`;
  const all = series.flatMap((s) => s.perClass.flatMap((c) => c.singularValues));
  const positive = all.filter((v) => v > 0);
  if (log && positive.length === 0)
    fail(figureName, 'series', 'must contain a positive singular value for a log scale', 'none');
  const dropped = log ? all.length - positive.length : 0;
  const yMax = Math.max(...all);
  const subtitle =
    options.subtitle ??
    `One panel per class, one line per model; singular values in descending order. ` +
      `The y axis (${log ? 'log' : 'linear'}) is shared by all panels, so heights compare across classes.` +
      (dropped ? ` ${dropped} zero value${dropped === 1 ? ' is' : 's are'} not drawn on the log scale.` : '');
  const columns = positiveInteger(figureName, 'options.columns', options.columns ?? Math.min(5, labels.length));
  const pw = positiveNumber(figureName, 'options.panelWidth', options.panelWidth ?? 190);
  const ph = positiveNumber(figureName, 'options.panelHeight', options.panelHeight ?? 150);
  const { y, yFormat } = sharedAxis(all, log, ph);
  const maxLength = Math.max(...series.flatMap((s) => s.perClass.map((c) => c.singularValues.length)));
  const style: SpectrumStyle = { y, yFormat, log, columns, count: labels.length, maxLength };
  const bottomAxis = axisExtent(scaleLinear().range([0, pw]), { orient: 'bottom', at: 0, label: 'index' });
  const dims = layout({
    title: options.title ?? 'Singular values of hidden representations, per class',
    subtitle,
    legend: series.map((s, i) => ({ label: s.model, color: seriesColor(i), symbol: 'line' as const })),
    legendTitle: 'Model',
    count: labels.length,
    columns,
    panelWidth: pw,
    panelHeight: ph,
    marginLeft: axisExtent(y, { orient: 'left', at: 0, label: yLabel, ticks: 4, format: yFormat }),
    marginRight: 4,
    marginBottom: bottomAxis,
    gapX: 18,
    gapY: bottomAxis + panelTitleRoom,
  });
  const description = `${subtitle} Models: ${series.map((s) => s.model).join(', ')}. Classes: ${labels.map(nameOf).join(', ')}. Largest value ${yMax.toPrecision(4)}.`;

  const figure = openFrame({ ...dims, description, document: options.document });
  labels.forEach((label, p) => {
    const values = series.map((s) => s.perClass.find((c) => c.label === label)?.singularValues);
    drawSpectra(figure.root, nameOf(label), values, dims.panels[p], p, style);
  });
  return serializeFigure(figure, options);
}

const yLabel = 'singular value';

/** The y scale every panel shares, over a panel's height from 0, rounded outward; and its tick format. */
function sharedAxis(values: number[], log: boolean, height: number): Pick<SpectrumStyle, 'y' | 'yFormat'> {
  const yMax = Math.max(...values);
  const y: AxisScale = log
    ? (scaleLog()
        .domain([Math.min(...values.filter((v) => v > 0)), yMax])
        .range([height, 0])
        .nice() as unknown as AxisScale)
    : (scaleLinear()
        .domain([0, yMax > 0 ? yMax : 1])
        .range([height, 0])
        .nice() as unknown as AxisScale);
  // Plain numbers with k/M for large values; on a log scale d3 blanks the minor ticks' labels.
  const yFormat = log
    ? (y.tickFormat as unknown as (n: number, f: (v: number) => string) => (v: number) => string)(4, compact)
    : compact;
  return { y, yFormat };
}

interface SpectrumStyle {
  /** The shared y scale, over a panel's height from 0. */
  y: AxisScale;
  yFormat: (value: number) => string;
  log: boolean;
  columns: number;
  count: number;
  maxLength: number;
}

/** Panel p: title, axes (labelled on the outer panels only), one line per model, and the outline. */
function drawSpectra(
  root: Group,
  title: string,
  values: ReadonlyArray<readonly number[] | undefined>,
  r: Rect,
  p: number,
  style: SpectrumStyle,
): void {
  const { y, maxLength } = style;
  const sx = scaleLinear()
    .domain([1, Math.max(2, maxLength)])
    .range([r.x + 6, r.x + r.width - 6]);
  const sy = ((v: number) => r.y + y(v)) as AxisScale;
  Object.assign(sy, { ticks: y.ticks, tickFormat: y.tickFormat, range: () => [r.y + r.height, r.y] });
  const g = root.append<SVGElement>('g').attr('class', 'panel');
  drawPanelTitle(g, r, title, 7);
  const firstColumn = p % style.columns === 0;
  drawAxis(g, sy, {
    orient: 'left',
    at: r.x,
    ticks: 4,
    format: style.yFormat,
    grid: r.width,
    hideLabels: !firstColumn,
    label: firstColumn ? yLabel : undefined,
  });
  drawAxis(g, sx, {
    orient: 'bottom',
    at: r.y + r.height,
    tickValues: sx.ticks(Math.min(5, maxLength)).filter(Number.isInteger),
    format: String,
    label: p + style.columns < style.count ? undefined : 'index',
  });
  values.forEach((v, i) => {
    if (v) drawSpectrum(g, v, (k) => sx(k + 1), sy, style.log, seriesColor(i));
  });
  drawPanelBorder(g, r, { stroke: colors.grid, strokeWidth: null });
}

/** One model's values as a line, with dots when there are few; on a log scale zeros break the line. */
function drawSpectrum(
  g: Group,
  values: readonly number[],
  x: (k: number) => number,
  y: (v: number) => number,
  log: boolean,
  color: string,
): void {
  // On a log scale zeros cannot be drawn: the line breaks there instead of diving to the axis.
  const segments: Array<Array<[number, number]>> = [[]];
  values.forEach((v, k) => {
    if (log && v <= 0) segments.push([]);
    else segments[segments.length - 1].push([x(k), y(v)]);
  });
  g.append('path')
    .attr('d', segments.map((seg) => pathFrom(seg)).join(''))
    .attr('fill', 'none')
    .attr('stroke', color)
    .attr('stroke-width', '1.8');
  if (values.length > 30) return;
  const dots = g.append<SVGElement>('g');
  values.forEach((v, k) => {
    if (!log || v > 0) drawMarker(dots, 'circle', x(k), y(v), 2.2, color);
  });
}
