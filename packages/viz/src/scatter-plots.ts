// Hidden-representation scatter: 2-D codes coloured by class, side-by-side panels, a class legend and direct labels.
import { scaleLinear } from 'd3-scale';
import { median } from 'd3-array';
import { serializeFigure, type Group } from './document.js';
import type { FigureOptions } from './figure-options.js';
import { axisExtent, drawAxis } from './axes.js';
import { layout, type Rect } from './layout.js';
import { drawPanelBorder, drawPanelTitle, openFrame } from './frame.js';
import { addText } from './svg-text.js';
import { classColor, fontSize } from './theme.js';
import { num } from './format.js';
import {
  arrayLike,
  describeFound,
  fail,
  figureOptions,
  finiteValues,
  nonEmptyArray,
  nonNegativeInteger,
  positiveNumber,
  typeError,
} from './validate.js';

export interface ScatterPanel {
  title: string;
  /** n*2 values: (x, y) per point. */
  codes: Float32Array | ArrayLike<number>;
  /** n class indices (non-negative integers). */
  labels: ArrayLike<number>;
}

export interface ScatterPlotsOptions extends FigureOptions {
  /** Names per class index (default: the index itself, e.g. digits). */
  classNames?: string[];
  /** One axis range for all panels (default false: each panel fits its own codes, which the subtitle says). */
  sharedAxes?: boolean;
  /** Same px per unit on x and y so distances are not distorted (default true). */
  equalAspect?: boolean;
  subtitle?: string;
  panelSize?: number;
  xLabel?: string;
  yLabel?: string;
}

const figureName = 'scatterPlots';

function validate(panel: ScatterPanel, i: number): void {
  const f = `panels[${i}]`;
  if (!panel || typeof panel !== 'object') fail(figureName, f, 'must be an object', describeFound(panel), typeError);
  const labels = arrayLike(figureName, `${f}.labels`, panel.labels);
  if (labels.length === 0) fail(figureName, `${f}.labels`, 'must not be empty (a panel needs points)', 'length 0');
  const codes = arrayLike(figureName, `${f}.codes`, panel.codes, 2 * labels.length);
  finiteValues(figureName, `${f}.codes`, codes);
  for (let k = 0; k < labels.length; k++) nonNegativeInteger(figureName, `${f}.labels[${k}]`, labels[k]);
}

type Box = { x: [number, number]; y: [number, number] };

function boxOf(panels: readonly ScatterPanel[], equalAspect: boolean): Box {
  let x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity;
  for (const p of panels) {
    for (let k = 0; k < p.labels.length; k++) {
      const x = p.codes[2 * k],
        y = p.codes[2 * k + 1];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  let sx = Math.max(x1 - x0, 1e-9),
    sy = Math.max(y1 - y0, 1e-9);
  if (equalAspect) sx = sy = Math.max(sx, sy);
  const cx = (x0 + x1) / 2,
    cy = (y0 + y1) / 2,
    pad = 1.08;
  return { x: [cx - (sx * pad) / 2, cx + (sx * pad) / 2], y: [cy - (sy * pad) / 2, cy + (sy * pad) / 2] };
}

/**
 * Scatter plots of 2-D codes (e.g. a bottleneck's activations) side by side, one colour per class, with each class's
 * median labelled by its name; points are drawn in input order so that no class always lies on top.
 *
 * ```js
 * const svg = scatterPlots(
 *   [
 *     { title: 'baseline', codes: Float32Array.of(0, 0, 1, 0.5, 2, 2), labels: [0, 1, 1] },
 *     { title: 'manifold mixup', codes: Float32Array.of(0, 0, 3, 1, 4, 1.5), labels: [0, 1, 1] },
 *   ],
 *   { classNames: ['zero', 'one'], sharedAxes: true },
 * );
 * ```
 * @param panels One panel per model: its title, n*2 codes (x, y per point) and n class indices.
 * @param options Title, subtitle, class names, whether the panels share their axes (default false) and keep x and
 *   y at one scale (default true), side of a panel in px (default 380), axis labels, rendered size and document.
 * @returns A standalone SVG string.
 */
export function scatterPlots(panels: ScatterPanel[], options: ScatterPlotsOptions = {}): string {
  figureOptions(figureName, options);
  nonEmptyArray(figureName, 'panels', panels);
  panels.forEach(validate);
  const shared = options.sharedAxes ?? false;
  const equalAspect = options.equalAspect ?? true;
  const classes = [...new Set(panels.flatMap((p) => Array.from(p.labels)))].sort((a, b) => a - b);
  const nameOf = (c: number) => options.classNames?.[c] ?? String(c);
  const axesNote = shared
    ? 'Axes are shared: positions are comparable across panels.'
    : 'Axes are NOT shared: each panel fits its own codes, so compare shapes and separations, not coordinates.';
  const subtitle =
    options.subtitle ??
    `${axesNote}${equalAspect ? ' Equal scale on x and y.' : ''} Numbers mark each class's median; points are drawn in input order so no class is always on top.`;
  const size = positiveNumber(figureName, 'options.panelSize', options.panelSize ?? 380);
  const boxes = shared ? panels.map(() => boxOf(panels, equalAspect)) : panels.map((p) => boxOf([p], equalAspect));
  const style: ScatterStyle = {
    classes,
    nameOf,
    xLabel: options.xLabel ?? 'dimension 1',
    yLabel: options.yLabel ?? 'dimension 2',
  };
  const dims = layout({
    title: options.title ?? 'Hidden representations',
    subtitle,
    legend: classes.map((c) => ({ label: nameOf(c), color: classColor(c), symbol: 'circle', stroke: '#4d4d4d' })),
    legendTitle: 'Class',
    count: panels.length,
    panelWidth: size,
    panelHeight: size,
    marginLeft: Math.max(
      ...boxes.map((b) =>
        axisExtent(scaleLinear().domain(b.y).range([size, 0]), { orient: 'left', at: 0, label: style.yLabel }),
      ),
    ),
    marginBottom: axisExtent(scaleLinear().domain([0, 1]).range([0, size]), {
      orient: 'bottom',
      at: 0,
      label: style.xLabel,
    }),
  });
  const description = `${subtitle} Panels: ${panels.map((p, i) => `${p.title} (${p.labels.length} points, x ${boxes[i].x.map((v) => v.toFixed(2)).join(' to ')}, y ${boxes[i].y.map((v) => v.toFixed(2)).join(' to ')})`).join('; ')}. Classes: ${classes.map(nameOf).join(', ')}.`;

  const figure = openFrame({ ...dims, description, document: options.document });
  panels.forEach((panel, i) => drawScatter(figure.root, panel, dims.panels[i], boxes[i], style));
  return serializeFigure(figure, options);
}

interface ScatterStyle {
  classes: number[];
  nameOf: (c: number) => string;
  xLabel: string;
  yLabel: string;
}

/** One panel: grid and axes, the points, a label at each class's median, and the outline. */
function drawScatter(root: Group, panel: ScatterPanel, r: Rect, box: Box, style: ScatterStyle): void {
  const sx = scaleLinear()
    .domain(box.x)
    .range([r.x, r.x + r.width]);
  const sy = scaleLinear()
    .domain(box.y)
    .range([r.y + r.height, r.y]);
  const pg = root.append<SVGElement>('g').attr('class', 'panel');
  drawPanelTitle(pg, r, panel.title);
  drawAxis(pg, sx, { orient: 'bottom', at: r.y + r.height, label: style.xLabel, grid: r.height });
  drawAxis(pg, sy, { orient: 'left', at: r.x, label: style.yLabel, grid: r.width });
  const n = panel.labels.length;
  const radius = n > 1500 ? 2.3 : n > 400 ? 2.8 : 3.5;
  const dots = pg
    .append<SVGElement>('g')
    .attr('class', 'points')
    .attr('fill-opacity', '0.8')
    .attr('stroke', '#4d4d4d')
    .attr('stroke-width', '0.35');
  for (let k = 0; k < n; k++) {
    dots
      .append('circle')
      .attr('cx', num(sx(panel.codes[2 * k])))
      .attr('cy', num(sy(panel.codes[2 * k + 1])))
      .attr('r', num(radius))
      .attr('fill', classColor(panel.labels[k]));
  }
  const labelGroup = pg.append<SVGElement>('g').attr('class', 'class-labels');
  for (const c of style.classes) {
    const xs: number[] = [],
      ys: number[] = [];
    for (let k = 0; k < n; k++)
      if (panel.labels[k] === c) {
        xs.push(panel.codes[2 * k]);
        ys.push(panel.codes[2 * k + 1]);
      }
    if (xs.length === 0) continue;
    addText(labelGroup, sx(median(xs) as number), sy(median(ys) as number), style.nameOf(c), {
      size: fontSize.panelTitle,
      bold: true,
      anchor: 'middle',
      align: 'middle',
      halo: true,
    });
  }
  drawPanelBorder(pg, r);
}
