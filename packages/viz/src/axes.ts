// Axis rendering with our own tick marks and labels (d3-scale computes the ticks; no d3-axis, no transitions).
import { addText } from './svg-text.js';
import { textWidth, capHeightEm } from './text-width.js';
import { colors, fontSize } from './theme.js';
import { num } from './format.js';
import type { Group } from './document.js';

/** What we need from a d3 continuous scale (linear or log). */
export interface AxisScale {
  (value: number): number;
  ticks(count?: number): number[];
  tickFormat(count?: number, specifier?: string): (value: number) => string;
  range(): number[];
}

export interface AxisOptions {
  orient: 'bottom' | 'left';
  /** Pixel position of the axis line: y for a bottom axis, x for a left axis. */
  at: number;
  /** Approximate number of ticks (default 5). */
  ticks?: number;
  /** Explicit tick values (overrides `ticks`). */
  tickValues?: number[];
  format?: (value: number) => string;
  label?: string;
  /** Draw light grid lines this many px into the plot (the plot's height for a bottom axis, width for a left one). */
  grid?: number;
  /** Hide tick labels (e.g. an inner panel sharing the axis of its neighbour). */
  hideLabels?: boolean;
}

const tickLength = 5;
const tickPad = 3;
const labelGap = 8;

interface Tick {
  value: number;
  position: number;
  text: string;
}

function ticksOf(scale: AxisScale, options: AxisOptions): Tick[] {
  const count = options.ticks ?? 5;
  const values = options.tickValues ?? scale.ticks(count);
  const format = options.format ?? scale.tickFormat(count);
  return values.map((value) => ({ value, position: scale(value), text: options.hideLabels ? '' : format(value) }));
}

/** Space the axis needs outside the plot: height below a bottom axis, width left of a left axis. */
export function axisExtent(scale: AxisScale, options: AxisOptions): number {
  const ticks = ticksOf(scale, options);
  const labelSpace = options.label ? labelGap + capHeightEm * fontSize.axisLabel + 4 : 0;
  if (options.orient === 'bottom') return tickLength + tickPad + capHeightEm * fontSize.tick + labelSpace + 4;
  const widest = Math.max(0, ...ticks.map((t) => textWidth(t.text, fontSize.tick)));
  return tickLength + tickPad + widest + labelSpace + 4;
}

export function drawAxis(parent: Group, scale: AxisScale, options: AxisOptions): void {
  const g = parent.append<SVGElement>('g').attr('class', `axis axis-${options.orient}`);
  const ticks = ticksOf(scale, options);
  const [r0, r1] = scale.range();
  const at = options.at;
  if (options.grid) {
    const grid = g.append<SVGElement>('g').attr('stroke', colors.grid).attr('stroke-width', '1');
    for (const t of ticks) {
      if (options.orient === 'bottom')
        grid
          .append('line')
          .attr('x1', num(t.position))
          .attr('x2', num(t.position))
          .attr('y1', num(at))
          .attr('y2', num(at - options.grid));
      else
        grid
          .append('line')
          .attr('x1', num(at))
          .attr('x2', num(at + options.grid))
          .attr('y1', num(t.position))
          .attr('y2', num(t.position));
    }
  }
  const marks = g.append<SVGElement>('g').attr('stroke', colors.axis).attr('stroke-width', '1');
  let widest = 0;
  if (options.orient === 'bottom') {
    marks.append('line').attr('x1', num(r0)).attr('x2', num(r1)).attr('y1', num(at)).attr('y2', num(at));
    for (const t of ticks) {
      const len = t.text === '' && !options.hideLabels ? tickLength / 2 : tickLength;
      marks
        .append('line')
        .attr('x1', num(t.position))
        .attr('x2', num(t.position))
        .attr('y1', num(at))
        .attr('y2', num(at + len));
      if (t.text)
        addText(g, t.position, at + tickLength + tickPad, t.text, {
          size: fontSize.tick,
          anchor: 'middle',
          align: 'top',
          fill: colors.mutedText,
        });
    }
    if (options.label) {
      const y = at + tickLength + tickPad + capHeightEm * fontSize.tick + labelGap;
      addText(g, (r0 + r1) / 2, y, options.label, { size: fontSize.axisLabel, anchor: 'middle', align: 'top' });
    }
  } else {
    marks.append('line').attr('x1', num(at)).attr('x2', num(at)).attr('y1', num(r0)).attr('y2', num(r1));
    for (const t of ticks) {
      const len = t.text === '' && !options.hideLabels ? tickLength / 2 : tickLength;
      marks
        .append('line')
        .attr('x1', num(at - len))
        .attr('x2', num(at))
        .attr('y1', num(t.position))
        .attr('y2', num(t.position));
      if (t.text) {
        addText(g, at - tickLength - tickPad, t.position, t.text, {
          size: fontSize.tick,
          anchor: 'end',
          align: 'middle',
          fill: colors.mutedText,
        });
        widest = Math.max(widest, textWidth(t.text, fontSize.tick));
      }
    }
    if (options.label) {
      const x = at - tickLength - tickPad - widest - labelGap - capHeightEm * fontSize.axisLabel;
      addText(g, x, (r0 + r1) / 2, options.label, {
        size: fontSize.axisLabel,
        anchor: 'middle',
        align: 'top',
        vertical: true,
      });
    }
  }
}
