// Filled contour bands of a scalar field on a regular grid, as SVG path data (vector, small, crisp).
import { contours } from 'd3-contour';
import type { GridBox } from '@manifold-mixup/analysis';
import { ringPath, simplifyPolyline } from './simplify.js';

/**
 * One path per threshold t: the region where value >= t (d3-contour isobands, stacked in ascending order so each
 * band shows through between its threshold and the next). Samples sit on the grid's inclusive linspace
 * (i = 0 -> xMin, i = nx-1 -> xMax); d3-contour places them at cell centres, so we map u -> xMin + (u - 0.5) * step
 * and clamp the half-cell overhang onto the box edge.
 */
export function contourBandPaths(
  values: ArrayLike<number>,
  grid: GridBox,
  thresholds: readonly number[],
  toPixel: (x: number, y: number) => [number, number],
  tolerance = 0.25,
): string[] {
  return thresholds.map((t) => {
    let d = '';
    for (const ring of ringsAt(values, grid, t)) {
      const pixels = ring.map(([x, y]) => toPixel(x, y));
      d += ringPath(simplifyPolyline(pixels, tolerance));
    }
    return d;
  });
}

/** Rings (closed, first point repeated) of the region value >= level, in data coordinates clamped to the box. */
function ringsAt(values: ArrayLike<number>, grid: GridBox, level: number): Array<Array<[number, number]>> {
  const multi = contours().size([grid.nx, grid.ny]).smooth(true).contour(Array.from(values), level);
  const stepX = (grid.xMax - grid.xMin) / Math.max(1, grid.nx - 1);
  const stepY = (grid.yMax - grid.yMin) / Math.max(1, grid.ny - 1);
  const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);
  return multi.coordinates
    .flat()
    .map((ring) =>
      ring.map(([u, v]): [number, number] => [
        clamp(grid.xMin + (u - 0.5) * stepX, grid.xMin, grid.xMax),
        clamp(grid.yMin + (v - 0.5) * stepY, grid.yMin, grid.yMax),
      ]),
    );
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
  const onSameEdge = (a: [number, number], b: [number, number]) =>
    (a[0] === b[0] && (a[0] === grid.xMin || a[0] === grid.xMax)) ||
    (a[1] === b[1] && (a[1] === grid.yMin || a[1] === grid.yMax));
  let d = '';
  for (const ring of ringsAt(values, grid, level)) {
    let run: Array<[number, number]> = [];
    const flush = () => {
      if (run.length > 1)
        d += ringPath(
          simplifyPolyline(
            run.map(([x, y]) => toPixel(x, y)),
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
