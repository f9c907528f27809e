import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';

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

/**
 * A small line chart for the live curves, redrawn whole each time (a few hundred points per line).
 * viz's intervalCurves is made for a handful of x values with a marker each and an interval band; over
 * hundreds of epochs its markers would bury the lines, hence this plain one.
 */
export function drawLineChart(container: HTMLElement, spec: LineChartSpec): void {
  const finite = spec.series.flatMap((s) => s.values.filter(Number.isFinite));
  const yMax = Math.max(1e-3, ...finite);
  const x = scaleLinear()
    .domain([0, Math.max(1, ...spec.x)])
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
  const path = line<number>()
    .defined((v) => Number.isFinite(v))
    .x((_, i) => x(spec.x[i]))
    .y((v) => y(Math.min(high, Math.max(low, v))));
  for (const s of spec.series) {
    svg
      .append('path')
      .attr('d', path(s.values) ?? '')
      .attr('fill', 'none')
      .attr('stroke', s.color)
      .attr('stroke-width', 1.6)
      .attr('stroke-dasharray', s.dash ?? null);
  }
}
