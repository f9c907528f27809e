// Singular-value spectra: one small panel per class, one line per model, a single legend, linear or log y.
import { scaleLinear, scaleLog } from 'd3-scale';
import { serializeFigure } from './document.js';
import type { FigureOptions } from './figure-options.js';
import { axisExtent, drawAxis, type AxisScale } from './axes.js';
import type { LegendItem } from './legend.js';
import { panelGrid } from './layout.js';
import { drawPanelBorder, drawPanelTitle, frameTop, openFrame, type FrameSpec } from './frame.js';
import { drawMarker } from './markers.js';
import { colors, fontSize, seriesColor } from './theme.js';
import { fail, figureOptions, finiteValues, nonEmptyArray, positiveInteger, positiveNumber } from './validate.js';
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
    if (!s || typeof s.model !== 'string') fail(figureName, `series[${i}].model`, 'must be a string', String(s?.model));
    nonEmptyArray(figureName, `series[${i}].perClass`, s.perClass);
    s.perClass.forEach((c, k) => {
      const f = `series[${i}].perClass[${k}]`;
      if (!Number.isInteger(c?.label) || c.label < 0)
        fail(figureName, `${f}.label`, 'must be a non-negative integer', String(c?.label));
      nonEmptyArray(figureName, `${f}.singularValues`, c.singularValues);
      finiteValues(figureName, `${f}.singularValues`, c.singularValues, 0);
    });
  });
}

/** Small multiples of per-class singular values for several models; returns a standalone SVG string. */
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
  const maxLength = Math.max(...series.flatMap((s) => s.perClass.map((c) => c.singularValues.length)));
  const yMax = Math.max(...all);
  const title = options.title ?? 'Singular values of hidden representations, per class';
  const subtitle =
    options.subtitle ??
    `One panel per class, one line per model; singular values in descending order. ` +
      `The y axis (${log ? 'log' : 'linear'}) is shared by all panels, so heights compare across classes.` +
      (dropped ? ` ${dropped} zero value${dropped === 1 ? ' is' : 's are'} not drawn on the log scale.` : '');
  const columns = positiveInteger(figureName, 'options.columns', options.columns ?? Math.min(5, labels.length));
  const rows = Math.ceil(labels.length / columns);
  const pw = positiveNumber(figureName, 'options.panelWidth', options.panelWidth ?? 190);
  const ph = positiveNumber(figureName, 'options.panelHeight', options.panelHeight ?? 150);
  const y: AxisScale = log
    ? (scaleLog()
        .domain([Math.min(...positive), yMax])
        .range([ph, 0])
        .nice() as unknown as AxisScale)
    : (scaleLinear()
        .domain([0, yMax > 0 ? yMax : 1])
        .range([ph, 0])
        .nice() as unknown as AxisScale);
  // Plain numbers with k/M for large values; on a log scale d3 blanks the minor ticks' labels.
  const yFormat = log
    ? (y.tickFormat as unknown as (n: number, f: (v: number) => string) => (v: number) => string)(4, compact)
    : compact;
  const yLabel = 'singular value';
  const left = 16 + axisExtent(y, { orient: 'left', at: 0, label: yLabel, ticks: 4, format: yFormat });
  const bottomAxis = axisExtent(scaleLinear().range([0, pw]), { orient: 'bottom', at: 0, label: 'index' });
  const gapX = 18;
  const gapY = bottomAxis + fontSize.panelTitle * 1.6;
  const width = left + columns * pw + (columns - 1) * gapX + 20;
  const legendItems: LegendItem[] = series.map((s, i) => ({ label: s.model, color: seriesColor(i), symbol: 'line' }));
  const frame: FrameSpec = { title, subtitle, width, legend: legendItems, legendTitle: 'Model' };
  const top = frameTop(frame);
  const height = top + rows * ph + (rows - 1) * gapY + bottomAxis + 12;
  const description = `${subtitle} Models: ${series.map((s) => s.model).join(', ')}. Classes: ${labels.map(nameOf).join(', ')}. Largest value ${yMax.toPrecision(4)}.`;

  const figure = openFrame({ ...frame, height, description, document: options.document });
  const root = figure.root;
  const rects = panelGrid({ count: labels.length, columns, panelWidth: pw, panelHeight: ph, gapX, gapY, left, top });
  labels.forEach((label, p) => {
    const r = rects[p];
    const sx = scaleLinear()
      .domain([1, Math.max(2, maxLength)])
      .range([r.x + 6, r.x + r.width - 6]);
    const sy = ((v: number) => r.y + y(v)) as AxisScale;
    Object.assign(sy, { ticks: y.ticks, tickFormat: y.tickFormat, range: () => [r.y + ph, r.y] });
    const g = root.append<SVGElement>('g').attr('class', 'panel');
    drawPanelTitle(g, r, nameOf(label), 7);
    const firstColumn = p % columns === 0;
    const hasBelow = p + columns < labels.length;
    drawAxis(g, sy, {
      orient: 'left',
      at: r.x,
      ticks: 4,
      format: yFormat,
      grid: r.width,
      hideLabels: !firstColumn,
      label: firstColumn ? yLabel : undefined,
    });
    const xTicks = sx.ticks(Math.min(5, maxLength)).filter(Number.isInteger);
    drawAxis(g, sx, {
      orient: 'bottom',
      at: r.y + r.height,
      tickValues: xTicks,
      format: String,
      label: hasBelow ? undefined : 'index',
    });
    series.forEach((s, i) => {
      const values = s.perClass.find((c) => c.label === label)?.singularValues;
      if (!values) return;
      // On a log scale zeros cannot be drawn: the line breaks there instead of diving to the axis.
      const segments: Array<Array<[number, number]>> = [[]];
      values.forEach((v, k) => {
        if (log && v <= 0) segments.push([]);
        else segments[segments.length - 1].push([sx(k + 1), sy(v)]);
      });
      g.append('path')
        .attr('d', segments.map((seg) => pathFrom(seg)).join(''))
        .attr('fill', 'none')
        .attr('stroke', seriesColor(i))
        .attr('stroke-width', '1.8');
      if (values.length <= 30) {
        const dots = g.append<SVGElement>('g');
        values.forEach((v, k) => {
          if (!log || v > 0) drawMarker(dots, 'circle', sx(k + 1), sy(v), 2.2, seriesColor(i));
        });
      }
    });
    drawPanelBorder(g, r, { stroke: colors.grid, strokeWidth: null });
  });
  return serializeFigure(figure, options);
}
