// Drawing the frame every figure shares: header (title + wrapped subtitle), an optional legend under it, and each
// panel's title and outline. Where they go is layout.ts's arithmetic; this file only draws.
import { createFigure, type Figure, type Group } from './document.js';
import { drawHeader } from './header.js';
import { frameMargin, type FrameSpec, type Rect } from './layout.js';
import { drawLegend } from './legend.js';
import { addText } from './svg-text.js';
import { colors, fontSize } from './theme.js';
import { num } from './format.js';
import type { FigureDocument } from './figure-options.js';

/** The standalone SVG with its header and legend drawn; panels go below the layout's `top`. */
export function openFrame(
  spec: FrameSpec & { height: number; description: string; document?: FigureDocument },
): Figure {
  const figure = createFigure({
    document: spec.document,
    width: spec.width,
    height: spec.height,
    title: spec.title,
    description: spec.description,
  });
  const headerBottom = drawHeader(figure.root, spec.title, spec.subtitle, spec.width, frameMargin);
  if (spec.legend)
    drawLegend(figure.root, spec.legend, frameMargin, headerBottom, spec.width - 2 * frameMargin, spec.legendTitle);
  return figure;
}

/** Bold panel title centred `offset` px above the panel. */
export function drawPanelTitle(parent: Group, rect: Rect, text: string, offset = 8): void {
  addText(parent, rect.x + rect.width / 2, rect.y - offset, text, {
    size: fontSize.panelTitle,
    bold: true,
    anchor: 'middle',
  });
}

/** Unfilled outline of a panel (drawn last so it sits above the data). */
export function drawPanelBorder(
  parent: Group,
  rect: Rect,
  style: { stroke?: string; strokeWidth?: string | null } = {},
): void {
  const el = parent
    .append('rect')
    .attr('x', num(rect.x))
    .attr('y', num(rect.y))
    .attr('width', num(rect.width))
    .attr('height', num(rect.height))
    .attr('fill', 'none')
    .attr('stroke', style.stroke ?? colors.panelBorder);
  const strokeWidth = style.strokeWidth === undefined ? '1' : style.strokeWidth;
  if (strokeWidth !== null) el.attr('stroke-width', strokeWidth);
}
