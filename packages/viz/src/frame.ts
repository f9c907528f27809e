// The frame every figure shares: header (title + wrapped subtitle), an optional legend under it, then the plots.
// One place for the layout arithmetic, so each figure file is only its panel-drawing code.
import { createFigure, type Figure, type Group } from './document.js';
import { drawHeader, headerHeight, type Rect } from './layout.js';
import { drawLegend, legendSize, type LegendItem } from './legend.js';
import { addText } from './svg-text.js';
import { colors, fontSize } from './theme.js';
import { num } from './format.js';
import type { FigureDocument } from './figure-options.js';

/** Space between the figure's edge and the header and legend. */
export const frameMargin = 16;

export interface FrameSpec {
  title: string;
  subtitle: string;
  /** Natural width of the figure in px. */
  width: number;
  legend?: readonly LegendItem[];
  legendTitle?: string;
  /** Space above the plots after the legend's 8 px (default: room for a panel title). */
  headroom?: number;
}

const panelTitleRoom = fontSize.panelTitle * 1.6;

/** y at which the plots start: header, legend + 8 px, headroom. */
export function frameTop(spec: FrameSpec): number {
  // Summed in this order so existing figures keep byte-identical coordinates.
  let top = headerHeight(spec.title, spec.subtitle, spec.width);
  if (spec.legend) top = top + legendSize(spec.legend, spec.width - 2 * frameMargin, spec.legendTitle).height + 8;
  return top + (spec.headroom ?? panelTitleRoom);
}

/** The standalone SVG with its header and legend drawn; panels go below frameTop(spec). */
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
  const headerBottom = drawHeader(figure.root, spec.title, spec.subtitle, spec.width);
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
