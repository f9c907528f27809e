// Confidence maps: P(class 1) over a 2-D box as filled contour bands with one shared colour bar, training points on top.
import { scaleLinear } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';
import { extent } from 'd3-array';
import { serializeFigure, type Group } from './document.js';
import type { FigureOptions } from './figure-options.js';
import { axisExtent, drawAxis } from './axes.js';
import { drawColorBar, colorBarExtent } from './color-bar.js';
import { layout, type Rect } from './layout.js';
import { drawPanelBorder, drawPanelTitle, openFrame } from './frame.js';
import type { GridBox } from '@manifold-mixup/types';
import { contourBandPaths, isolinePath } from './contour-bands.js';
import { drawMarker, type MarkerShape } from './markers.js';
import { binaryPointColors } from './theme.js';
import { num } from './format.js';
import {
  arrayLike,
  describeFound,
  fail,
  figureOptions,
  finiteValues,
  nonEmptyArray,
  positiveInteger,
  positiveNumber,
  finiteNumber,
  typeError,
} from './validate.js';

export interface ConfidenceMapPanel {
  title: string;
  grid: GridBox;
  /**
   * P(class 1) per grid cell, nx*ny values, y outer, x inner; value (i, j) is taken at the cell centre
   * (xMin + (i + 0.5)(xMax - xMin)/nx, yMin + (j + 0.5)(yMax - yMin)/ny), as analysis' makeGrid samples it.
   */
  probability: Float32Array | Float64Array | ArrayLike<number>;
  points: { x: Float32Array | ArrayLike<number> /* n*2 */; labels: ArrayLike<number> };
}

export interface ConfidenceMapsOptions extends FigureOptions {
  classNames?: string[];
  subtitle?: string;
  /** Number of equal-width probability bands between 0 and 1 (default 20, i.e. steps of 0.05). */
  bands?: number;
  /** Side of each square map in px (default 340). */
  panelSize?: number;
  xLabel?: string;
  yLabel?: string;
  /** Draw the decision boundary P = 0.5 as a white line (default true). */
  boundary?: boolean;
}

const figureName = 'confidenceMaps';
const shapes: readonly MarkerShape[] = ['circle', 'triangle'];
/** Between the last map and the colour bar. */
const barGap = 28;
const colorBar = { width: 16, tickValues: [0, 0.25, 0.5, 0.75, 1], format: (v: number) => v.toFixed(2) };
const bandColor = (lower: number, upper: number) => interpolateViridis((lower + upper) / 2);

function validatePanel(panel: ConfidenceMapPanel, i: number): number {
  const f = `panels[${i}]`;
  if (!panel || typeof panel !== 'object') fail(figureName, f, 'must be an object', describeFound(panel), typeError);
  const g = panel.grid;
  if (!g || typeof g !== 'object') fail(figureName, `${f}.grid`, 'must be an object', describeFound(g), typeError);
  for (const k of ['xMin', 'xMax', 'yMin', 'yMax'] as const) finiteNumber(figureName, `${f}.grid.${k}`, g[k]);
  if (!(g.xMax > g.xMin)) fail(figureName, `${f}.grid.xMax`, `must exceed xMin (${g.xMin})`, String(g.xMax));
  if (!(g.yMax > g.yMin)) fail(figureName, `${f}.grid.yMax`, `must exceed yMin (${g.yMin})`, String(g.yMax));
  positiveInteger(figureName, `${f}.grid.nx`, g.nx);
  positiveInteger(figureName, `${f}.grid.ny`, g.ny);
  if (g.nx < 2 || g.ny < 2) fail(figureName, `${f}.grid`, 'must have nx >= 2 and ny >= 2', `${g.nx} x ${g.ny}`);
  const p = arrayLike(figureName, `${f}.probability`, panel.probability, g.nx * g.ny);
  finiteValues(figureName, `${f}.probability`, p, 0, 1);
  if (!panel.points) fail(figureName, `${f}.points`, 'must be { x, labels }', describeFound(panel.points), typeError);
  const labels = arrayLike(figureName, `${f}.points.labels`, panel.points.labels);
  const x = arrayLike(figureName, `${f}.points.x`, panel.points.x, 2 * labels.length);
  finiteValues(figureName, `${f}.points.x`, x);
  for (let k = 0; k < labels.length; k++) {
    if (labels[k] !== 0 && labels[k] !== 1)
      fail(figureName, `${f}.points.labels[${k}]`, 'must be 0 or 1', String(labels[k]));
  }
  return labels.length;
}

/**
 * Maps of a binary classifier's confidence, P(class 1) over a 2-D box, side by side: filled contour bands on viridis
 * with one colour bar shared by all panels (always the full 0-1 range), the decision boundary P = 0.5 as a white
 * line, and the training points on top as one marker shape per class.
 *
 * ```js
 * const grid = { xMin: -1, xMax: 1, yMin: -1, yMax: 1, nx: 2, ny: 2 }; // analysis' makeGrid(box, 2) fits
 * const svg = confidenceMaps(
 *   [{
 *     title: 'baseline',
 *     grid,
 *     probability: [0.1, 0.6, 0.4, 0.9], // one per cell centre, y outer, x inner
 *     points: { x: Float32Array.of(-0.5, -0.5, 0.5, 0.5), labels: [0, 1] },
 *   }],
 *   { classNames: ['inner', 'outer'] },
 * );
 * ```
 * @param panels One map per model: its title, the grid it was sampled on, P(class 1) at each cell centre (nx*ny
 *   values, in [0, 1]) and the training points (n*2 coordinates, labels 0 or 1).
 * @param options Title, subtitle, class names, number of bands (default 20), side of a map in px (default 340),
 *   axis labels, whether to draw the boundary, rendered size and document.
 * @returns A standalone SVG string.
 */
export function confidenceMaps(panels: ConfidenceMapPanel[], options: ConfidenceMapsOptions = {}): string {
  figureOptions(figureName, options);
  nonEmptyArray(figureName, 'panels', panels);
  panels.forEach(validatePanel);
  const bands = positiveInteger(figureName, 'options.bands', options.bands ?? 20);
  const classNames = options.classNames ?? ['class 0', 'class 1'];
  if (classNames.length < 2) fail(figureName, 'options.classNames', 'must name 2 classes', `${classNames.length}`);
  const size = positiveNumber(figureName, 'options.panelSize', options.panelSize ?? 340);
  const style: MapStyle = {
    thresholds: Array.from({ length: bands }, (_, i) => i / bands),
    boundary: options.boundary ?? true,
    xLabel: options.xLabel ?? 'x1',
    yLabel: options.yLabel ?? 'x2',
  };
  const barLabel = `P(${classNames[1]})`;
  const subtitle =
    options.subtitle ??
    `Colour: predicted ${barLabel} in ${bands} bands of ${num(1 / bands, 3)} over the full 0–1 range (viridis); ` +
      `markers: training points by true class${style.boundary ? '; white line: decision boundary P = 0.5' : ''}.`;
  const yScale = (g: GridBox) => scaleLinear().domain([g.yMin, g.yMax]).range([size, 0]);
  const dims = layout({
    title: options.title ?? 'Model confidence over the input space',
    subtitle,
    legend: classNames
      .slice(0, 2)
      .map((label, c) => ({ label, color: binaryPointColors[c], symbol: shapes[c], stroke: '#1a1a1a' })),
    legendTitle: 'Training points',
    count: panels.length,
    panelWidth: size,
    panelHeight: size,
    marginLeft: Math.max(
      ...panels.map((p) => axisExtent(yScale(p.grid), { orient: 'left', at: 0, label: style.yLabel })),
    ),
    marginRight: barGap + colorBarExtent(colorBar),
    marginBottom: axisExtent(yScale(panels[0].grid), { orient: 'bottom', at: 0, label: style.xLabel }),
  });

  const ranges = panels.map((p) => extent(Array.from(p.probability)) as [number, number]);
  const description = `${subtitle} Panels: ${panels.map((p, i) => `${p.title} (${p.points.labels.length} points; ${barLabel} ranges ${ranges[i][0].toFixed(3)}–${ranges[i][1].toFixed(3)} on a ${p.grid.nx}×${p.grid.ny} grid)`).join('; ')}.`;
  const figure = openFrame({ ...dims, description, document: options.document });
  panels.forEach((panel, i) => drawMap(figure.root, panel, dims.panels[i], style));
  const last = dims.panels[dims.panels.length - 1];
  drawColorBar(figure.root, {
    ...colorBar,
    x: last.x + last.width + barGap,
    y: last.y,
    height: last.height,
    thresholds: [...style.thresholds, 1],
    bandColor,
    label: barLabel,
  });
  return serializeFigure(figure, options);
}

interface MapStyle {
  thresholds: number[];
  boundary: boolean;
  xLabel: string;
  yLabel: string;
}

/** One map: bands, boundary, points, outline and axes in the panel's rectangle. */
function drawMap(root: Group, panel: ConfidenceMapPanel, r: Rect, style: MapStyle): void {
  const g = panel.grid;
  const sx = scaleLinear()
    .domain([g.xMin, g.xMax])
    .range([r.x, r.x + r.width]);
  const sy = scaleLinear()
    .domain([g.yMin, g.yMax])
    .range([r.y + r.height, r.y]);
  const toPixel = (x: number, y: number): [number, number] => [sx(x), sy(y)];
  const pg = root.append<SVGElement>('g').attr('class', 'panel');
  drawPanelTitle(pg, r, panel.title);
  const { thresholds } = style;
  const bandGroup = pg.append<SVGElement>('g').attr('class', 'bands');
  contourBandPaths(panel.probability, g, thresholds, toPixel).forEach((d, k) => {
    if (d)
      bandGroup
        .append('path')
        .attr('d', d)
        .attr('fill', bandColor(thresholds[k], k + 1 < thresholds.length ? thresholds[k + 1] : 1));
  });
  const line = style.boundary ? isolinePath(panel.probability, g, 0.5, toPixel) : '';
  if (line)
    pg.append('path')
      .attr('class', 'boundary')
      .attr('d', line)
      .attr('fill', 'none')
      .attr('stroke', '#ffffff')
      .attr('stroke-width', '1.5');
  const n = panel.points.labels.length;
  const radius = n > 2000 ? 2.2 : n > 500 ? 2.8 : 3.4;
  const pointGroup = pg
    .append<SVGElement>('g')
    .attr('class', 'points')
    .attr('stroke', '#1a1a1a')
    .attr('stroke-width', n > 2000 ? '0.4' : '0.6');
  for (let k = 0; k < n; k++) {
    const x = panel.points.x[2 * k];
    const y = panel.points.x[2 * k + 1];
    if (x < g.xMin || x > g.xMax || y < g.yMin || y > g.yMax) continue; // outside the mapped box
    const c = panel.points.labels[k];
    drawMarker(pointGroup, shapes[c], sx(x), sy(y), radius, binaryPointColors[c]);
  }
  drawPanelBorder(pg, r);
  drawAxis(pg, sx, { orient: 'bottom', at: r.y + r.height, label: style.xLabel });
  drawAxis(pg, sy, { orient: 'left', at: r.x, label: style.yLabel });
}
