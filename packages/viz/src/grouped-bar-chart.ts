// Grouped bar chart for metrics across models: groups on x, one bar per series, bars start at zero.
import { scaleBand, scaleLinear } from 'd3-scale';
import { serializeFigure } from './document.js';
import type { FigureOptions } from './figure-options.js';
import { axisExtent, drawAxis } from './axes.js';
import type { LegendItem } from './legend.js';
import { wrapText } from './layout.js';
import { frameTop, openFrame, type FrameSpec } from './frame.js';
import { addText } from './svg-text.js';
import { textWidth } from './text-width.js';
import { drawMarker } from './markers.js';
import { colors, fontSize, seriesColor } from './theme.js';
import { compact, num } from './format.js';
import {
  arrayLike,
  describeFound,
  fail,
  figureOptions,
  finiteValues,
  nonEmptyArray,
  positiveNumber,
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

export function groupedBarChart(data: GroupedBarData, options: GroupedBarOptions = {}): string {
  figureOptions(figureName, options);
  if (!data || typeof data !== 'object') fail(figureName, 'data', 'must be { groups, series }', String(data));
  const groups = nonEmptyArray(figureName, 'data.groups', data.groups);
  const series = nonEmptyArray(figureName, 'data.series', data.series);
  series.forEach((s, i) => {
    if (!s || typeof s.name !== 'string')
      fail(figureName, `data.series[${i}].name`, 'must be a string', String(s?.name));
    arrayLike(figureName, `data.series[${i}].values`, s.values, groups.length);
    finiteValues(figureName, `data.series[${i}].values`, s.values);
    if (s.points !== undefined) {
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
    }
  });
  const withPoints = series.some((s) => s.points !== undefined);
  const fmt = options.format ?? compact;
  const title = options.title ?? 'Metrics by model';
  const subtitle =
    options.subtitle ??
    (withPoints
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
  const yLabel = options.yLabel ?? '';
  const left = 16 + axisExtent(y, { orient: 'left', at: 0, label: yLabel || undefined, format: fmt });
  const width = left + pw + 24;
  const x = scaleBand<number>()
    .domain(groups.map((_, i) => i))
    .range([left, left + pw])
    .paddingInner(0.25)
    .paddingOuter(0.12);
  const inner = scaleBand<number>()
    .domain(series.map((_, i) => i))
    .range([0, x.bandwidth()])
    .padding(0.08);
  const groupLines = groups.map((g) => wrapText(g, fontSize.axisLabel, x.step() - 6));
  const maxLines = Math.max(...groupLines.map((l) => l.length));
  const legendItems: LegendItem[] = series.map((s, i) => ({ label: s.name, color: seriesColor(i), symbol: 'swatch' }));
  const frame: FrameSpec = { title, subtitle, width, legend: legendItems, headroom: 10 };
  const top = frameTop(frame);
  const height = top + ph + 10 + maxLines * fontSize.axisLabel * 1.3 + 16;
  const seedsOf = (s: GroupedBarData['series'][number], gi: number) =>
    s.points ? ` (seeds: ${s.points[gi].map(fmt).join(', ') || 'none'})` : '';
  const description = `${subtitle} ${groups.map((g, gi) => `${g}: ${series.map((s) => `${s.name} ${fmt(s.values[gi])}${seedsOf(s, gi)}`).join(', ')}`).join('; ')}.`;

  const figure = openFrame({ ...frame, height, description, document: options.document });
  const root = figure.root;
  const sy = scaleLinear()
    .domain(y.domain())
    .range([top + ph, top]);
  drawAxis(root, sy, { orient: 'left', at: left, label: yLabel || undefined, format: fmt, grid: pw });
  const bars = root.append<SVGElement>('g').attr('class', 'bars');
  const labelSize = fontSize.annotation;
  const dots = withPoints
    ? root.append<SVGElement>('g').attr('class', 'seed-points').attr('fill-opacity', '0.7')
    : null;
  groups.forEach((_, gi) => {
    series.forEach((s, si) => {
      const v = s.values[gi];
      const bx = (x(gi) as number) + (inner(si) as number);
      const y0 = sy(0),
        y1 = sy(v);
      bars
        .append('rect')
        .attr('x', num(bx))
        .attr('y', num(Math.min(y0, y1)))
        .attr('width', num(inner.bandwidth()))
        .attr('height', num(Math.abs(y0 - y1)))
        .attr('fill', seriesColor(si));
      const text = fmt(v);
      // With dots, the value label clears the dots beyond the bar's end.
      const seeds = s.points?.[gi] ?? [];
      const labelY = v >= 0 ? Math.min(y1, ...seeds.map(sy)) - 4 : Math.max(y1, ...seeds.map(sy)) + 4;
      if (textWidth(text, labelSize) <= inner.step() + 2) {
        addText(bars, bx + inner.bandwidth() / 2, labelY, text, {
          size: labelSize,
          anchor: 'middle',
          align: v >= 0 ? 'baseline' : 'top',
        });
      }
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
    groupLines[gi].forEach((line, li) => {
      addText(root, (x(gi) as number) + x.bandwidth() / 2, top + ph + 8 + li * fontSize.axisLabel * 1.3, line, {
        size: fontSize.axisLabel,
        anchor: 'middle',
        align: 'top',
      });
    });
  });
  root
    .append('line')
    .attr('x1', num(left))
    .attr('x2', num(left + pw))
    .attr('y1', num(sy(0)))
    .attr('y2', num(sy(0)))
    .attr('stroke', colors.axis);
  return serializeFigure(figure, options);
}
