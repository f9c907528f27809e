// Where everything of a figure goes, computed once before anything is drawn, in the spirit of Observable Plot's
// dimensions.js: the figure says how big a panel is and how much room its axes need around the panels; the layout
// adds the figure's margins, places the panels in rows and columns below the header and legend, and returns their
// rectangles with the figure's size. A figure is then its validation plus the drawing of one panel, repeated.
import { headerHeight } from './header.js';
import { legendSize, type LegendItem } from './legend.js';
import { fontSize } from './theme.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space between the figure's edge and the header, legend and panels. */
export const frameMargin = 16;
/** Room above a panel for its title (the default headroom). */
export const panelTitleRoom = fontSize.panelTitle * 1.6;
/** Air under whatever the figure puts below its last row of panels. */
const bottomPad = 12;
/** A column's y axis sits in the gap before it: the gap is the figure's left margin less this. */
const gapTightening = 4;

/** The header and legend above the panels. */
export interface FrameSpec {
  title: string;
  subtitle: string;
  /** Natural width of the figure in px. */
  width: number;
  legend?: readonly LegendItem[];
  legendTitle?: string;
  /** Space above the panels after the legend's 8 px (default: room for a panel title). */
  headroom?: number;
}

/** y at which the panels start: header, legend + 8 px, headroom. */
export function frameTop(spec: FrameSpec): number {
  // Summed in this order so existing figures keep byte-identical coordinates.
  let top = headerHeight(spec.title, spec.subtitle, spec.width, frameMargin);
  if (spec.legend) top = top + legendSize(spec.legend, spec.width - 2 * frameMargin, spec.legendTitle).height + 8;
  return top + (spec.headroom ?? panelTitleRoom);
}

export interface LayoutOptions extends Omit<FrameSpec, 'width'> {
  panelWidth: number;
  panelHeight: number;
  /** Number of panels (default 1). */
  count?: number;
  /** Panels per row (default: all in one row). */
  columns?: number;
  /** Room left of the first column, for its y axis (default 0); the figure's margin is added. */
  marginLeft?: number;
  /** Room right of the last column, e.g. for a colour bar (default 8); the figure's margin is added. */
  marginRight?: number;
  /** Room below the last row, for its x axis (default 0); a 12 px pad is added. */
  marginBottom?: number;
  /** Between columns (default: room for the next column's y axis, 4 px less than the figure's left margin). */
  gapX?: number;
  /** Between rows (default 0). */
  gapY?: number;
}

/** The frame to open (FrameSpec with the computed width, and the height) and where the panels go. */
export interface Layout extends FrameSpec {
  height: number;
  /** y at which the panels start. */
  top: number;
  /** One rectangle per panel, row by row. */
  panels: Rect[];
}

/** Sizes the figure and places `count` equal panels in rows of `columns`, below the header and legend. */
export function layout(options: LayoutOptions): Layout {
  const { panelWidth, panelHeight, count = 1, gapY = 0 } = options;
  const columns = options.columns ?? count;
  const rows = Math.ceil(count / columns);
  const left = frameMargin + (options.marginLeft ?? 0);
  const gapX = options.gapX ?? left - gapTightening;
  const right = (options.marginRight ?? 8) + frameMargin;
  const { title, subtitle, legend, legendTitle, headroom } = options;
  const frame: FrameSpec = {
    title,
    subtitle,
    width: left + columns * panelWidth + (columns - 1) * gapX + right,
    legend,
    legendTitle,
    headroom,
  };
  const top = frameTop(frame);
  const height = top + rows * panelHeight + (rows - 1) * gapY + ((options.marginBottom ?? 0) + bottomPad);
  const panels = Array.from({ length: count }, (_, i) => ({
    x: left + (i % columns) * (panelWidth + gapX),
    y: top + Math.floor(i / columns) * (panelHeight + gapY),
    width: panelWidth,
    height: panelHeight,
  }));
  return { ...frame, height, top, panels };
}
