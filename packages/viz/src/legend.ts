// Horizontal legend that wraps onto new rows; sized with the character-width table.
import { addText } from './svg-text.js';
import { textWidth } from './text-width.js';
import { fontSize } from './theme.js';
import { num } from './format.js';
import type { Group } from './document.js';
import { drawMarker, type MarkerShape } from './markers.js';

export interface LegendItem {
  label: string;
  color: string;
  /** A marker shape for points, 'line' for series drawn as lines, 'swatch' for bars. */
  symbol: MarkerShape | 'line' | 'swatch';
  /** Outline of the marker (default none). */
  stroke?: string;
}

const symbolWidth = 18;
const symbolGap = 5;
const itemGap = 18;
const rowHeight = fontSize.legend * 1.7;

function itemWidth(item: LegendItem): number {
  return symbolWidth + symbolGap + textWidth(item.label, fontSize.legend) + itemGap;
}

function layoutRows(items: readonly LegendItem[], maxWidth: number, titleWidth: number): LegendItem[][] {
  const rows: LegendItem[][] = [[]];
  let x = titleWidth;
  for (const item of items) {
    const w = itemWidth(item);
    if (x + w - itemGap > maxWidth && rows[rows.length - 1].length > 0) {
      rows.push([]);
      x = titleWidth;
    }
    rows[rows.length - 1].push(item);
    x += w;
  }
  return rows;
}

/** Size of the legend if drawn within maxWidth. */
export function legendSize(
  items: readonly LegendItem[],
  maxWidth: number,
  title = '',
): { width: number; height: number } {
  const tw = title ? textWidth(title, fontSize.legend, true) + 10 : 0;
  const rows = layoutRows(items, maxWidth, tw);
  const width = Math.max(...rows.map((r) => tw + r.reduce((s, it) => s + itemWidth(it), 0) - itemGap));
  return { width, height: rows.length * rowHeight };
}

/** Draws the legend with its top-left corner at (x, y); an optional bold title leads the first row. */
export function drawLegend(
  parent: Group,
  items: readonly LegendItem[],
  x: number,
  y: number,
  maxWidth: number,
  title = '',
): { width: number; height: number } {
  const g = parent.append<SVGElement>('g').attr('class', 'legend');
  const tw = title ? textWidth(title, fontSize.legend, true) + 10 : 0;
  if (title) addText(g, x, y + rowHeight / 2, title, { size: fontSize.legend, bold: true, align: 'middle' });
  const rows = layoutRows(items, maxWidth, tw);
  rows.forEach((row, r) => {
    let cx = x + tw;
    const cy = y + r * rowHeight + rowHeight / 2;
    for (const item of row) {
      if (item.symbol === 'line') {
        g.append('line')
          .attr('x1', num(cx))
          .attr('x2', num(cx + symbolWidth))
          .attr('y1', num(cy))
          .attr('y2', num(cy))
          .attr('stroke', item.color)
          .attr('stroke-width', '2.5');
      } else if (item.symbol === 'swatch') {
        const swatch = g
          .append('rect')
          .attr('x', num(cx + 2))
          .attr('y', num(cy - 6))
          .attr('width', '14')
          .attr('height', '12')
          .attr('fill', item.color);
        if (item.stroke) swatch.attr('stroke', item.stroke);
      } else {
        drawMarker(g, item.symbol, cx + symbolWidth / 2, cy, 4.5, item.color, item.stroke);
      }
      addText(g, cx + symbolWidth + symbolGap, cy, item.label, { size: fontSize.legend, align: 'middle' });
      cx += itemWidth(item);
    }
  });
  return legendSize(items, maxWidth, title);
}
