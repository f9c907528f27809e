// Filled contour bands of a scalar field on a regular grid, as SVG path data (vector, small, crisp).
import { contours } from 'd3-contour';
import type { GridBox } from '@manifold-mixup/types';
import { ringPath, simplifyPolyline } from './simplify.js';

/**
 * One path per threshold t: the region where value >= t (d3-contour isobands, stacked in ascending order so each
 * band shows through between its threshold and the next). Samples sit at cell centres, as analysis' makeGrid places
 * them: sample i is at xMin + (i + 0.5) * (xMax - xMin) / nx; d3-contour also puts sample i at u = i + 0.5, so
 * u maps linearly onto the box (u = 0 at xMin, u = nx at xMax) with no stretch.
 */
export function contourBandPaths(
  values: ArrayLike<number>,
  grid: GridBox,
  thresholds: readonly number[],
  toPixel: (x: number, y: number) => [number, number],
  tolerance = 0.25,
): string[] {
  const toData = gridToData(grid);
  const padded = padEdges(values, grid);
  return thresholds.map((t) => {
    let d = '';
    for (const ring of ringsAt(padded, grid, t)) {
      const pixels = ring.map(([u, v]) => toPixel(...toData(u, v)));
      d += ringPath(simplifyPolyline(pixels, tolerance));
    }
    return d;
  });
}

/** Grid units (0..nx, 0..ny: cell edges at integers, sample i at i + 0.5) to data coordinates. */
function gridToData(grid: GridBox): (u: number, v: number) => [number, number] {
  const spanX = grid.xMax - grid.xMin;
  const spanY = grid.yMax - grid.yMin;
  return (u, v) => [grid.xMin + (u / grid.nx) * spanX, grid.yMin + (v / grid.ny) * spanY];
}

/**
 * The field with one more cell on every side holding a copy of its neighbour on the edge. Between the outermost
 * sample centres and the box edge (half a cell) there are no samples to interpolate; d3-contour would cut the box's
 * corners there. With the copies the field is flat across that half cell, so level lines run straight out to the
 * edge.
 */
function padEdges(values: ArrayLike<number>, grid: GridBox): number[] {
  const w = grid.nx + 2;
  const padded = new Array<number>(w * (grid.ny + 2));
  for (let j = 0; j < grid.ny + 2; j++) {
    const sj = Math.min(grid.ny - 1, Math.max(0, j - 1));
    for (let i = 0; i < w; i++) padded[j * w + i] = values[sj * grid.nx + Math.min(grid.nx - 1, Math.max(0, i - 1))];
  }
  return padded;
}

/**
 * Rings (closed, first point repeated) of the region value >= level, in grid units. The rings of the padded field
 * are cut to the box by moving points of the padding onto the box edge: the padding is flat across the edge, so
 * this is an exact clip, not a stretch.
 */
function ringsAt(padded: number[], grid: GridBox, level: number): Array<Array<[number, number]>> {
  const multi = contours()
    .size([grid.nx + 2, grid.ny + 2])
    .smooth(true)
    .contour(padded, level);
  const clamp = (value: number, hi: number) => (value < 0 ? 0 : value > hi ? hi : value);
  return multi.coordinates
    .flat()
    .map((ring) => ring.map(([u, v]): [number, number] => [clamp(u - 1, grid.nx), clamp(v - 1, grid.ny)]));
}

/**
 * The level set value = level as open lines (e.g. the decision boundary P = 0.5): the region's rings without the
 * stretches that run along the box edge, which are not part of the level set.
 */
export function isolinePath(
  values: ArrayLike<number>,
  grid: GridBox,
  level: number,
  toPixel: (x: number, y: number) => [number, number],
  tolerance = 0.25,
): string {
  const toData = gridToData(grid);
  const padded = padEdges(values, grid);
  // Edges are tested in grid units, where points on the box edge are exactly 0 or nx (0 or ny) after the clip.
  const onSameEdge = (a: [number, number], b: [number, number]) =>
    (a[0] === b[0] && (a[0] === 0 || a[0] === grid.nx)) || (a[1] === b[1] && (a[1] === 0 || a[1] === grid.ny));
  let d = '';
  for (const ring of ringsAt(padded, grid, level)) {
    let run: Array<[number, number]> = [];
    const flush = () => {
      if (run.length > 1)
        d += ringPath(
          simplifyPolyline(
            run.map(([u, v]) => toPixel(...toData(u, v))),
            tolerance,
          ),
          false,
        );
      run = [];
    };
    for (let k = 0; k < ring.length; k++) {
      if (k > 0 && onSameEdge(ring[k - 1], ring[k])) flush();
      run.push(ring[k]);
    }
    flush();
  }
  return d;
}
