// Grouped bar chart for metrics across models: groups on x, one bar per series, bars start at zero.
import { scaleBand, scaleLinear, type ScaleBand } from 'd3-scale';
import { serializeFigure, type Group } from './document.js';
import type { FigureOptions } from './figure-options.js';
import { axisExtent, drawAxis } from './axes.js';
import { layout, type Rect } from './layout.js';
import { openFrame } from './frame.js';
import { appendLine, appendRect } from './svg-shapes.js';
import { addText } from './svg-text.js';
import { textWidth, wrapText } from './text-width.js';
import { drawMarker } from './markers.js';
import { colors, fontSize, seriesColor } from './theme.js';
import { compact } from './format.js';
import {
  arrayLike,
  describeFound,
  fail,
  figureOptions,
  finiteValues,
  nonEmptyArray,
  positiveNumber,
  typeError,
} from './validate.js';

export interface GroupedBarData {
  groups: string[];
  /**
   * values[g] is the bar of group g (the mean when there are several seeds); points[g], when given, are that series'
   * single-seed values in group g, drawn as small dots over the bar.
   */
  series: Array<{ name: string; values: number[]; points?: number[][] }>;
}
export interface GroupedBarOptions extends FigureOptions {
  yLabel?: string;
  subtitle?: string;
  /** Formats value labels and y ticks (default: 3 significant digits). */
  format?: (value: number) => string;
  plotWidth?: number;
  plotHeight?: number;
}

const figureName = 'groupedBarChart';

/** Checks data: groups and series non-empty, one finite value (and, if given, an array of seeds) per group. */
function validate(data: GroupedBarData): void {
  if (!data || typeof data !== 'object')
    fail(figureName, 'data', 'must be { groups, series }', describeFound(data), typeError);
  const groups = nonEmptyArray(figureName, 'data.groups', data.groups);
  nonEmptyArray(figureName, 'data.series', data.series).forEach((s, i) => {
    if (!s || typeof s.name !== 'string')
      fail(figureName, `data.series[${i}].name`, 'must be a string', describeFound(s?.name), typeError);
    arrayLike(figureName, `data.series[${i}].values`, s.values, groups.length);
    finiteValues(figureName, `data.series[${i}].values`, s.values);
    if (s.points === undefined) return;
    if (!Array.isArray(s.points) || s.points.length !== groups.length)
      fail(
        figureName,
        `data.series[${i}].points`,
        `must be an array of ${groups.length} arrays (one per group)`,
        describeFound(s.points),
      );
    s.points.forEach((p, g) => {
      arrayLike(figureName, `data.series[${i}].points[${g}]`, p);
      finiteValues(figureName, `data.series[${i}].points[${g}]`, p);
    });
  });
}

/**
 * A grouped bar chart of metrics across models: groups (e.g. metrics) along x, one bar per series (e.g. model) in
 * each, bars from zero with their value printed above; per-seed values, when given, are dots over the mean bars.
 *
 * ```js
 * const svg = groupedBarChart(
 *   {
 *     groups: ['test accuracy', 'ECE'],
 *     series: [
 *       { name: 'baseline', values: [0.981, 0.071] },
 *       { name: 'manifold mixup', values: [0.986, 0.018], points: [[0.985, 0.987], [0.015, 0.021]] },
 *     ],
 *   },
 *   { title: 'MNIST metrics by model' },
 * );
 * ```
 * @param data The group names and, per series, one value per group and optionally the single seeds' values.
 * @param options Title, subtitle, y label, a number format (default: 3 significant digits), plot size in px,
 *   rendered size and document.
 * @returns A standalone SVG string.
 */
export function groupedBarChart(data: GroupedBarData, options: GroupedBarOptions = {}): string {
  figureOptions(figureName, options);
  validate(data);
  const { groups, series } = data;
  const fmt = options.format ?? compact;
  const subtitle =
    options.subtitle ??
    (series.some((s) => s.points !== undefined)
      ? 'Bars are means over seeds, dots single seeds; bars start at zero and the mean is printed above each bar.'
      : 'Bars start at zero; the value of each bar is printed above it.');
  const pw = positiveNumber(
    figureName,
    'options.plotWidth',
    options.plotWidth ?? Math.max(360, groups.length * (series.length * 34 + 40)),
  );
  const ph = positiveNumber(figureName, 'options.plotHeight', options.plotHeight ?? 300);
  const all = series.flatMap((s) => [...s.values, ...(s.points ?? []).flat()]);
  const y = scaleLinear()
    .domain([Math.min(0, ...all), Math.max(0, ...all)])
    .range([ph, 0])
    .nice();
  if (y.domain()[0] === y.domain()[1]) y.domain([0, 1]);
  const yLabel = options.yLabel || undefined;
  // Group names wrap to the width of their group, so the tallest sets the room under the plot.
  const groupLines = groups.map((g) => wrapText(g, fontSize.axisLabel, groupScale(groups, 0, pw).step() - 6));
  const dims = layout({
    title: options.title ?? 'Metrics by model',
    subtitle,
    legend: series.map((s, i) => ({ label: s.name, color: seriesColor(i), symbol: 'swatch' as const })),
    headroom: 10,
    panelWidth: pw,
    panelHeight: ph,
    marginLeft: axisExtent(y, { orient: 'left', at: 0, label: yLabel, format: fmt }),
    marginBottom: 14 + Math.max(...groupLines.map((l) => l.length)) * groupLineHeight,
  });
  const seedsOf = (s: GroupedBarData['series'][number], gi: number) =>
    s.points ? ` (seeds: ${s.points[gi].map(fmt).join(', ') || 'none'})` : '';
  const description = `${subtitle} ${groups.map((g, gi) => `${g}: ${series.map((s) => `${s.name} ${fmt(s.values[gi])}${seedsOf(s, gi)}`).join(', ')}`).join('; ')}.`;

  const figure = openFrame({ ...dims, description, document: options.document });
  drawBars(figure.root, data, groupLines, dims.panels[0], { domain: y.domain(), yLabel, fmt });
  return serializeFigure(figure, options);
}

const groupLineHeight = fontSize.axisLabel * 1.3;

/** The groups over [x0, x1]: a band per group with room between them. */
function groupScale(groups: readonly string[], x0: number, x1: number) {
  return scaleBand<number>()
    .domain(groups.map((_, i) => i))
    .range([x0, x1])
    .paddingInner(0.25)
    .paddingOuter(0.12);
}

/** The plot: y axis with grid, per group one bar per series with its value (and seed dots), group names, zero line. */
function drawBars(
  root: Group,
  data: GroupedBarData,
  groupLines: string[][],
  r: Rect,
  axis: { domain: number[]; yLabel: string | undefined; fmt: (value: number) => string },
): void {
  const { series } = data;
  const x = groupScale(data.groups, r.x, r.x + r.width);
  const inner = scaleBand<number>()
    .domain(series.map((_, i) => i))
    .range([0, x.bandwidth()])
    .padding(0.08);
  const sy = scaleLinear()
    .domain(axis.domain)
    .range([r.y + r.height, r.y]);
  drawAxis(root, sy, { orient: 'left', at: r.x, label: axis.yLabel, format: axis.fmt, grid: r.width });
  const bars = root.append<SVGElement>('g').attr('class', 'bars');
  const withPoints = series.some((s) => s.points !== undefined);
  const dots = withPoints
    ? root.append<SVGElement>('g').attr('class', 'seed-points').attr('fill-opacity', '0.7')
    : null;
  groupLines.forEach((lines, gi) => {
    series.forEach((s, si) => {
      const bx = (x(gi) as number) + (inner(si) as number);
      drawBar(bars, s.values[gi], s.points?.[gi] ?? [], bx, inner, sy, axis.fmt, seriesColor(si));
    });
    if (dots)
      series.forEach((s, si) => {
        const seeds = s.points?.[gi] ?? [];
        const bx = (x(gi) as number) + (inner(si) as number);
        // Spread across the bar's middle half, in a fixed order, so coinciding seeds stay visible.
        seeds.forEach((v, k) => {
          const dx = seeds.length > 1 ? (k / (seeds.length - 1) - 0.5) * inner.bandwidth() * 0.5 : 0;
          drawMarker(dots, 'circle', bx + inner.bandwidth() / 2 + dx, sy(v), 2.4, '#1a1a1a', '#ffffff');
        });
      });
    lines.forEach((line, li) => {
      addText(root, (x(gi) as number) + x.bandwidth() / 2, r.y + r.height + 8 + li * groupLineHeight, line, {
        size: fontSize.axisLabel,
        anchor: 'middle',
        align: 'top',
      });
    });
  });
  appendLine(root, r.x, r.x + r.width, sy(0), sy(0)).attr('stroke', colors.axis);
}

/** One bar from zero to v, its value printed beyond its end (and beyond its seeds' dots) if it fits the band. */
function drawBar(
  bars: Group,
  v: number,
  seeds: readonly number[],
  bx: number,
  inner: ScaleBand<number>,
  sy: (value: number) => number,
  fmt: (value: number) => string,
  color: string,
): void {
  const y0 = sy(0),
    y1 = sy(v);
  appendRect(bars, bx, Math.min(y0, y1), inner.bandwidth(), Math.abs(y0 - y1)).attr('fill', color);
  const text = fmt(v);
  // With dots, the value label clears the dots beyond the bar's end.
  const labelY = v >= 0 ? Math.min(y1, ...seeds.map(sy)) - 4 : Math.max(y1, ...seeds.map(sy)) + 4;
  if (textWidth(text, fontSize.annotation) <= inner.step() + 2) {
    addText(bars, bx + inner.bandwidth() / 2, labelY, text, {
      size: fontSize.annotation,
      anchor: 'middle',
      align: v >= 0 ? 'baseline' : 'top',
    });
  }
}
