// <text> with explicit vertical placement: we offset by the cap height ourselves because dominant-baseline is
// rendered differently by browsers and resvg.
import { capHeightEm } from './text-width.js';
import { colors } from './theme.js';
import { num } from './format.js';
import type { Group } from './document.js';

export interface TextOptions {
  size: number;
  anchor?: 'start' | 'middle' | 'end';
  /** Where `y` sits relative to the glyphs: the baseline (default), the vertical middle or the top of capitals. */
  align?: 'baseline' | 'middle' | 'top';
  bold?: boolean;
  fill?: string;
  /** Rotate -90 degrees around (x, y), for vertical axis labels. */
  vertical?: boolean;
  /** White outline behind the glyphs so labels stay readable over data. */
  halo?: boolean;
}

export function addText(parent: Group, x: number, y: number, text: string, options: TextOptions): Group {
  const shift =
    options.align === 'middle'
      ? (capHeightEm * options.size) / 2
      : options.align === 'top'
        ? capHeightEm * options.size
        : 0;
  const el = parent.append<SVGElement>('text');
  if (options.vertical) {
    el.attr('transform', `translate(${num(x + shift)},${num(y)}) rotate(-90)`);
  } else {
    el.attr('x', num(x)).attr('y', num(y + shift));
  }
  el.attr('font-size', num(options.size));
  if (options.anchor && options.anchor !== 'start') el.attr('text-anchor', options.anchor);
  if (options.bold) el.attr('font-weight', 'bold');
  el.attr('fill', options.fill ?? colors.text);
  if (options.halo)
    el.attr('stroke', '#ffffff')
      .attr('stroke-width', '3')
      .attr('stroke-linejoin', 'round')
      .attr('paint-order', 'stroke');
  el.text(text);
  return el;
}
