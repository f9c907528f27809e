// Vertical colour bar for a banded (contoured) colour scale: one swatch per band, ticks and a rotated label.
import { addText } from './svg-text.js';
import { textWidth, capHeightEm } from './text-width.js';
import { colors, fontSize } from './theme.js';
import { num } from './format.js';
import type { Group } from './document.js';

export interface ColorBarOptions {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Band edges in ascending order, e.g. [0, 0.05, ..., 1]; the bar spans thresholds[0]..thresholds[last]. */
  thresholds: readonly number[];
  /** Colour of the band [a, b] (called with its lower edge and upper edge). */
  bandColor: (lower: number, upper: number) => string;
  tickValues: readonly number[];
  format: (value: number) => string;
  label: string;
}

/** Width the colour bar with ticks and label needs. */
export function colorBarExtent(options: Pick<ColorBarOptions, 'width' | 'tickValues' | 'format'>): number {
  const widest = Math.max(...options.tickValues.map((v) => textWidth(options.format(v), fontSize.tick)));
  return options.width + 5 + 3 + widest + 10 + capHeightEm * fontSize.axisLabel + 2;
}

export function drawColorBar(parent: Group, options: ColorBarOptions): void {
  const g = parent.append<SVGElement>('g').attr('class', 'color-bar');
  const t = options.thresholds;
  const lo = t[0];
  const hi = t[t.length - 1];
  const yOf = (v: number) => options.y + options.height * (1 - (v - lo) / (hi - lo));
  const bands = g.append<SVGElement>('g').attr('shape-rendering', 'crispEdges');
  for (let i = 0; i + 1 < t.length; i++) {
    const top = yOf(t[i + 1]);
    bands
      .append('rect')
      .attr('x', num(options.x))
      .attr('y', num(top))
      .attr('width', num(options.width))
      .attr('height', num(yOf(t[i]) - top))
      .attr('fill', options.bandColor(t[i], t[i + 1]));
  }
  g.append('rect')
    .attr('x', num(options.x))
    .attr('y', num(options.y))
    .attr('width', num(options.width))
    .attr('height', num(options.height))
    .attr('fill', 'none')
    .attr('stroke', colors.panelBorder)
    .attr('stroke-width', '1');
  const right = options.x + options.width;
  let widest = 0;
  for (const v of options.tickValues) {
    const y = yOf(v);
    g.append('line')
      .attr('x1', num(right))
      .attr('x2', num(right + 5))
      .attr('y1', num(y))
      .attr('y2', num(y))
      .attr('stroke', colors.axis)
      .attr('stroke-width', '1');
    const text = options.format(v);
    widest = Math.max(widest, textWidth(text, fontSize.tick));
    addText(g, right + 8, y, text, { size: fontSize.tick, align: 'middle', fill: colors.mutedText });
  }
  addText(g, right + 8 + widest + 10, options.y + options.height / 2, options.label, {
    size: fontSize.axisLabel,
    anchor: 'middle',
    align: 'top',
    vertical: true,
  });
}
