// What the page draws over viz's maps, in each panel's own coordinates: the test points, and on the mixup model's
// map one mixed batch (each pair joined by a segment, the blend marked at λ along it). Also the way back from a
// click to the data's coordinates, for adding points.
import type { GridBox } from '@manifold-mixup/analysis';
import type { BatchView } from './hidden-space.js';
import { classPaths, CLASS_MARKS, MODEL_COLORS, svgElement } from './palette.js';
import type { PointSet } from './protocol.js';

/** Pairs drawn at most: more segments would hide the map. */
export const PAIRS_SHOWN = 16;

export interface PanelFrame {
  panel: SVGGElement;
  svg: SVGSVGElement;
  /** The plot area in the SVG's coordinates (viz's panel border). */
  rect: { x: number; y: number; width: number; height: number };
}

/** Each map panel in `container` with its plot area, in drawing order (baseline, then mixup). */
export function panelFrames(container: HTMLElement): PanelFrame[] {
  return [...container.querySelectorAll<SVGGElement>('g.panel')].flatMap((panel) => {
    const border = [...panel.querySelectorAll(':scope > rect')].find((r) => r.getAttribute('fill') === 'none');
    const svg = panel.ownerSVGElement;
    if (border == null || svg == null) return [];
    const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((k) => Number(border.getAttribute(k)));
    return [{ panel, svg, rect: { x, y, width, height } }];
  });
}

/** Data coordinates → the panel's SVG coordinates. */
export function toPanel(frame: PanelFrame, grid: GridBox): (x: number, y: number) => [number, number] {
  const { x, y, width, height } = frame.rect;
  return (px, py) => [
    x + ((px - grid.xMin) / (grid.xMax - grid.xMin)) * width,
    y + height - ((py - grid.yMin) / (grid.yMax - grid.yMin)) * height,
  ];
}

/** A click's data coordinates if it fell inside a panel's plot area, else null. */
export function clickToData(
  frame: PanelFrame,
  grid: GridBox,
  clientX: number,
  clientY: number,
): [number, number] | null {
  const matrix = frame.svg.getScreenCTM();
  if (matrix == null) return null;
  const p = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
  const { x, y, width, height } = frame.rect;
  if (p.x < x || p.x > x + width || p.y < y || p.y > y + height) return null;
  return [
    grid.xMin + ((p.x - x) / width) * (grid.xMax - grid.xMin),
    grid.yMin + ((y + height - p.y) / height) * (grid.yMax - grid.yMin),
  ];
}

/** Hollow markers of the test points, one path per class. */
function drawTestPoints(group: SVGGElement, test: PointSet, at: (x: number, y: number) => [number, number]): void {
  const points = svgElement('g', { class: 'test-points', fill: 'none', 'stroke-width': 1 });
  classPaths(test.x, test.labels, 2.4, at).forEach((d, label) => {
    points.appendChild(svgElement('path', { class: `class-${label}`, d, stroke: CLASS_MARKS[label].fill }));
  });
  group.appendChild(points);
}

/**
 * A mixed batch's pairs as segments and each blend at λ along its segment, in the mixup model's colour, given
 * the points' 2-D positions (input space, or a hidden layer through its projection).
 */
export function drawPairs(
  group: SVGGElement | SVGSVGElement,
  batch: BatchView,
  positions: Float32Array,
  at: (x: number, y: number) => [number, number],
): void {
  const pairs = svgElement('g', { class: 'mixed-batch' });
  for (let i = 0; i < Math.min(batch.rows, PAIRS_SHOWN); i++) {
    const j = batch.partner[i];
    if (j === i) continue;
    const [x1, y1] = at(positions[2 * i], positions[2 * i + 1]);
    const [x2, y2] = at(positions[2 * j], positions[2 * j + 1]);
    const lambda = batch.lambda[i];
    const [bx, by] = [lambda * x1 + (1 - lambda) * x2, lambda * y1 + (1 - lambda) * y2];
    pairs.appendChild(svgElement('line', { class: 'pair', x1, y1, x2, y2 }));
    const blend = svgElement('path', { class: 'blend', d: 'M0,-4L4,0L0,4L-4,0Z' });
    blend.setAttribute('transform', `translate(${bx.toFixed(1)},${by.toFixed(1)})`);
    blend.setAttribute('fill', MODEL_COLORS.mixup);
    pairs.appendChild(blend);
  }
  group.appendChild(pairs);
}

export interface OverlayContent {
  grid: GridBox;
  test: PointSet | null;
  /** The mixup panel's batch (drawn on the last panel only). */
  batch: BatchView | null;
}

/** Replaces every panel's overlay with `content`. */
export function drawOverlays(container: HTMLElement, content: OverlayContent): void {
  const frames = panelFrames(container);
  frames.forEach((frame, i) => {
    frame.panel.querySelector(':scope > g.overlay')?.remove();
    const group = svgElement('g', { class: 'overlay' });
    const at = toPanel(frame, content.grid);
    if (content.test != null) drawTestPoints(group, content.test, at);
    if (content.batch != null && i === frames.length - 1) drawPairs(group, content.batch, content.batch.input, at);
    frame.panel.appendChild(group);
  });
}
