// Confidence maps: P(class 1) over a 2-D box as filled contour bands with one shared colour bar, training points on top.
import { scaleLinear } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';
import { extent } from 'd3-array';
import { serializeFigure } from './document.js';
import type { FigureOptions } from './figure-options.js';
import { axisExtent, drawAxis } from './axes.js';
import { drawColorBar, colorBarExtent } from './color-bar.js';
import type { LegendItem } from './legend.js';
import { panelGrid } from './layout.js';
import { drawPanelBorder, drawPanelTitle, frameTop, openFrame, type FrameSpec } from './frame.js';
import type { GridBox } from '@manifold-mixup/types';
import { contourBandPaths, isolinePath } from './contour-bands.js';
import { drawMarker, type MarkerShape } from './markers.js';
import { binaryPointColors } from './theme.js';
import { num } from './format.js';
import {
  arrayLike,
  fail,
  figureOptions,
  finiteValues,
  nonEmptyArray,
  positiveInteger,
  positiveNumber,
  finiteNumber,
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

function validatePanel(panel: ConfidenceMapPanel, i: number): number {
  const f = `panels[${i}]`;
  if (!panel || typeof panel !== 'object') fail(figureName, f, 'must be an object', String(panel));
  const g = panel.grid;
  if (!g || typeof g !== 'object') fail(figureName, `${f}.grid`, 'must be an object', String(g));
  for (const k of ['xMin', 'xMax', 'yMin', 'yMax'] as const) finiteNumber(figureName, `${f}.grid.${k}`, g[k]);
  if (!(g.xMax > g.xMin)) fail(figureName, `${f}.grid.xMax`, `must exceed xMin (${g.xMin})`, String(g.xMax));
  if (!(g.yMax > g.yMin)) fail(figureName, `${f}.grid.yMax`, `must exceed yMin (${g.yMin})`, String(g.yMax));
  positiveInteger(figureName, `${f}.grid.nx`, g.nx);
  positiveInteger(figureName, `${f}.grid.ny`, g.ny);
  if (g.nx < 2 || g.ny < 2) fail(figureName, `${f}.grid`, 'must have nx >= 2 and ny >= 2', `${g.nx} x ${g.ny}`);
  const p = arrayLike(figureName, `${f}.probability`, panel.probability, g.nx * g.ny);
  finiteValues(figureName, `${f}.probability`, p, 0, 1);
  if (!panel.points) fail(figureName, `${f}.points`, 'must be { x, labels }', String(panel.points));
  const labels = arrayLike(figureName, `${f}.points.labels`, panel.points.labels);
  const x = arrayLike(figureName, `${f}.points.x`, panel.points.x, 2 * labels.length);
  finiteValues(figureName, `${f}.points.x`, x);
  for (let k = 0; k < labels.length; k++) {
    if (labels[k] !== 0 && labels[k] !== 1)
      fail(figureName, `${f}.points.labels[${k}]`, 'must be 0 or 1', String(labels[k]));
  }
  return labels.length;
}

/** Two (or more) maps side by side sharing one colour bar; returns a standalone SVG string. */
export function confidenceMaps(panels: ConfidenceMapPanel[], options: ConfidenceMapsOptions = {}): string {
  figureOptions(figureName, options);
  nonEmptyArray(figureName, 'panels', panels);
  panels.forEach(validatePanel);
  const bands = positiveInteger(figureName, 'options.bands', options.bands ?? 20);
  const classNames = options.classNames ?? ['class 0', 'class 1'];
  if (classNames.length < 2) fail(figureName, 'options.classNames', 'must name 2 classes', `${classNames.length}`);
  const title = options.title ?? 'Model confidence over the input space';
  const size = positiveNumber(figureName, 'options.panelSize', options.panelSize ?? 340);
  const thresholds = Array.from({ length: bands }, (_, i) => i / bands);
  const colorOf = (lower: number, upper: number) => interpolateViridis((lower + upper) / 2);
  const barLabel = `P(${classNames[1]})`;
  const subtitle =
    options.subtitle ??
    `Colour: predicted ${barLabel} in ${bands} bands of ${num(1 / bands, 3)} over the full 0–1 range (viridis); ` +
      `markers: training points by true class${(options.boundary ?? true) ? '; white line: decision boundary P = 0.5' : ''}.`;

  const legendItems: LegendItem[] = classNames
    .slice(0, 2)
    .map((label, c) => ({ label, color: binaryPointColors[c], symbol: shapes[c], stroke: '#1a1a1a' }));
  const probeY = scaleLinear().domain([panels[0].grid.yMin, panels[0].grid.yMax]).range([size, 0]);
  const left =
    16 +
    Math.max(
      ...panels.map((p) =>
        axisExtent(scaleLinear().domain([p.grid.yMin, p.grid.yMax]).range([size, 0]), {
          orient: 'left',
          at: 0,
          label: options.yLabel ?? 'x2',
        }),
      ),
    );
  const gapX = left - 4;
  const barWidth = 16;
  const tickValues = [0, 0.25, 0.5, 0.75, 1];
  const format = (v: number) => v.toFixed(2);
  const barSpace = 28 + colorBarExtent({ width: barWidth, tickValues, format }) + 16;
  const width = left + panels.length * size + (panels.length - 1) * gapX + barSpace;
  const frame: FrameSpec = { title, subtitle, width, legend: legendItems, legendTitle: 'Training points' };
  const top = frameTop(frame);
  const bottom = axisExtent(probeY, { orient: 'bottom', at: 0, label: options.xLabel ?? 'x1' }) + 12;
  const height = top + size + bottom;

  const ranges = panels.map((p) => extent(Array.from(p.probability)) as [number, number]);
  const description = `${subtitle} Panels: ${panels.map((p, i) => `${p.title} (${p.points.labels.length} points; ${barLabel} ranges ${ranges[i][0].toFixed(3)}–${ranges[i][1].toFixed(3)} on a ${p.grid.nx}×${p.grid.ny} grid)`).join('; ')}.`;
  const figure = openFrame({ ...frame, height, description, document: options.document });
  const root = figure.root;
  const rects = panelGrid({
    count: panels.length,
    columns: panels.length,
    panelWidth: size,
    panelHeight: size,
    gapX,
    gapY: 0,
    left,
    top,
  });

  panels.forEach((panel, i) => {
    const r = rects[i];
    const g = panel.grid;
    const sx = scaleLinear()
      .domain([g.xMin, g.xMax])
      .range([r.x, r.x + r.width]);
    const sy = scaleLinear()
      .domain([g.yMin, g.yMax])
      .range([r.y + r.height, r.y]);
    const pg = root.append<SVGElement>('g').attr('class', 'panel');
    drawPanelTitle(pg, r, panel.title);
    const paths = contourBandPaths(panel.probability, g, thresholds, (x, y) => [sx(x), sy(y)]);
    const bandGroup = pg.append<SVGElement>('g').attr('class', 'bands');
    paths.forEach((d, k) => {
      if (d)
        bandGroup
          .append('path')
          .attr('d', d)
          .attr('fill', colorOf(thresholds[k], k + 1 < bands ? thresholds[k + 1] : 1));
    });
    if (options.boundary ?? true) {
      const line = isolinePath(panel.probability, g, 0.5, (x, y) => [sx(x), sy(y)]);
      if (line)
        pg.append('path')
          .attr('class', 'boundary')
          .attr('d', line)
          .attr('fill', 'none')
          .attr('stroke', '#ffffff')
          .attr('stroke-width', '1.5');
    }
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
    drawAxis(pg, sx, { orient: 'bottom', at: r.y + r.height, label: options.xLabel ?? 'x1' });
    drawAxis(pg, sy, { orient: 'left', at: r.x, label: options.yLabel ?? 'x2' });
  });

  const last = rects[rects.length - 1];
  drawColorBar(root, {
    x: last.x + last.width + 28,
    y: top,
    width: barWidth,
    height: size,
    thresholds: [...thresholds, 1],
    bandColor: colorOf,
    tickValues,
    format,
    label: barLabel,
  });
  return serializeFigure(figure, options);
}
