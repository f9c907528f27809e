import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { minMaxIndices } from './downsample.js';

export interface LineSeries {
  name: string;
  color: string;
  /** SVG stroke-dasharray; none for a solid line. */
  dash?: string;
  values: number[];
}

export interface LineChartSpec {
  title: string;
  x: number[];
  series: LineSeries[];
  /** Fixed y range (accuracy: [0, 1]); otherwise from 0 to the data's largest value. */
  yDomain?: [number, number];
  format: (value: number) => string;
}

const WIDTH = 300;
const HEIGHT = 170;
const MARGIN = { top: 22, right: 10, bottom: 24, left: 40 };

// Points drawn per series at most: a long run's line is its min and max per run of epochs (downsample.ts).
const POINTS_PER_SERIES = 500;

/**
 * A small line chart for the live curves, redrawn whole each time (at most POINTS_PER_SERIES points per line).
 * viz's intervalCurves is made for a handful of x values with a marker each and an interval band; over
 * hundreds of epochs its markers would bury the lines, hence this plain one.
 */
export function drawLineChart(container: HTMLElement, spec: LineChartSpec): void {
  // Each series' extremes survive its downsampling, so the y range comes from the points drawn (fast at any length).
  const kept = spec.series.map((s) => minMaxIndices(s.values, POINTS_PER_SERIES));
  let yMax = 1e-3;
  kept.forEach((indices, k) => {
    for (const i of indices) yMax = Math.max(yMax, spec.series[k].values[i]);
  });
  const x = scaleLinear()
    .domain([0, Math.max(1, spec.x.at(-1) ?? 0)]) // epochs only grow
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain(spec.yDomain ?? [0, yMax])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const root = select(container);
  root.selectAll('svg').remove();
  const svg = root
    .append('svg')
    .attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`)
    .attr('role', 'img')
    .attr('aria-label', spec.title);
  svg.append('text').attr('class', 'chart-title').attr('x', MARGIN.left).attr('y', 14).text(spec.title);
  const yTicks = y.ticks(4);
  const grid = svg.append('g').attr('class', 'chart-grid');
  for (const t of yTicks) {
    grid
      .append('line')
      .attr('x1', MARGIN.left)
      .attr('x2', WIDTH - MARGIN.right)
      .attr('y1', y(t))
      .attr('y2', y(t));
    grid
      .append('text')
      .attr('x', MARGIN.left - 4)
      .attr('y', y(t) + 3)
      .attr('text-anchor', 'end')
      .text(spec.format(t));
  }
  for (const t of x.ticks(5).filter(Number.isInteger)) {
    grid
      .append('text')
      .attr('x', x(t))
      .attr('y', HEIGHT - MARGIN.bottom + 14)
      .attr('text-anchor', 'middle')
      .text(String(t));
  }
  svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', WIDTH - MARGIN.right)
    .attr('y', HEIGHT - 2)
    .attr('text-anchor', 'end')
    .text('epoch');
  const [low, high] = y.domain();
  spec.series.forEach((s, k) => {
    const path = line<number>()
      .x((i) => x(spec.x[i]))
      .y((i) => y(Math.min(high, Math.max(low, s.values[i]))));
    svg
      .append('path')
      .attr('d', path(kept[k]) ?? '')
      .attr('fill', 'none')
      .attr('stroke', s.color)
      .attr('stroke-width', 1.6)
      .attr('stroke-dasharray', s.dash ?? null);
  });
}
