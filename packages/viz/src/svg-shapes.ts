// <rect> and <line> with rounded coordinates, for the figures' many bars, gaps and rules.
import { num } from './format.js';
import type { Group } from './document.js';

/** A child element whose numeric attributes are rounded and written in the order given (the output's bytes). */
function appendRounded(parent: Group, tag: string, attributes: Record<string, number>): Group {
  const el = parent.append<SVGElement>(tag);
  for (const [name, value] of Object.entries(attributes)) el.attr(name, num(value));
  return el;
}

export function appendRect(parent: Group, x: number, y: number, width: number, height: number): Group {
  return appendRounded(parent, 'rect', { x, y, width, height });
}

/** A line from (x1, y1) to (x2, y2); the attributes are written in the order x1, x2, y1, y2. */
export function appendLine(parent: Group, x1: number, x2: number, y1: number, y2: number): Group {
  return appendRounded(parent, 'line', { x1, x2, y1, y2 });
}
