// Point markers. A second shape besides colour keeps two classes apart for every reader (and in greyscale print).
import { num } from './format.js';
import type { Group } from './document.js';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

/** Appends one marker of radius r centred at (x, y). */
export function drawMarker(
  parent: Group,
  shape: MarkerShape,
  x: number,
  y: number,
  r: number,
  fill: string,
  stroke?: string,
): void {
  let el;
  if (shape === 'circle') {
    el = parent.append('circle').attr('cx', num(x)).attr('cy', num(y)).attr('r', num(r));
  } else if (shape === 'square') {
    const s = r * 0.9;
    el = parent
      .append('rect')
      .attr('x', num(x - s))
      .attr('y', num(y - s))
      .attr('width', num(2 * s))
      .attr('height', num(2 * s));
  } else {
    const d =
      shape === 'triangle'
        ? `M${num(x)},${num(y - r * 1.15)}L${num(x + r)},${num(y + r * 0.6)}L${num(x - r)},${num(y + r * 0.6)}Z`
        : `M${num(x)},${num(y - r * 1.2)}L${num(x + r)},${num(y)}L${num(x)},${num(y + r * 1.2)}L${num(x - r)},${num(y)}Z`;
    el = parent.append('path').attr('d', d);
  }
  el.attr('fill', fill);
  if (stroke) el.attr('stroke', stroke);
}
