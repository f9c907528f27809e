// Grouped bar chart for metrics across models: groups on x, one bar per series, bars start at zero.
import { scaleBand, scaleLinear } from 'd3-scale';
import { serializeFigure, type FigureOptions } from './document.js';
import { axisExtent, drawAxis } from './axes.js';
import type { LegendItem } from './legend.js';
import { wrapText } from './layout.js';
import { frameTop, openFrame, type FrameSpec } from './frame.js';
import { addText } from './svg-text.js';
import { textWidth } from './text-width.js';
import { colors, fontSize, seriesColor } from './theme.js';
import { compact, num } from './format.js';
import { arrayLike, fail, figureOptions, finiteValues, nonEmptyArray, positiveNumber } from './validate.js';

export interface GroupedBarData {
  groups: string[];
  series: Array<{ name: string; values: number[] }>;
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
  });
  const fmt = options.format ?? compact;
  const title = options.title ?? 'Metrics by model';
  const subtitle = options.subtitle ?? 'Bars start at zero; the value of each bar is printed above it.';
  const pw = positiveNumber(
    figureName,
    'options.plotWidth',
    options.plotWidth ?? Math.max(360, groups.length * (series.length * 34 + 40)),
  );
  const ph = positiveNumber(figureName, 'options.plotHeight', options.plotHeight ?? 300);
  const all = series.flatMap((s) => s.values);
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
  const description = `${subtitle} ${groups.map((g, gi) => `${g}: ${series.map((s) => `${s.name} ${fmt(s.values[gi])}`).join(', ')}`).join('; ')}.`;

  const figure = openFrame({ ...frame, height, description, document: options.document });
  const root = figure.root;
  const sy = scaleLinear()
    .domain(y.domain())
    .range([top + ph, top]);
  drawAxis(root, sy, { orient: 'left', at: left, label: yLabel || undefined, format: fmt, grid: pw });
  const bars = root.append<SVGElement>('g').attr('class', 'bars');
  const labelSize = fontSize.annotation;
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
      if (textWidth(text, labelSize) <= inner.step() + 2) {
        addText(bars, bx + inner.bandwidth() / 2, v >= 0 ? y1 - 4 : y1 + 4, text, {
          size: labelSize,
          anchor: 'middle',
          align: v >= 0 ? 'baseline' : 'top',
        });
      }
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
