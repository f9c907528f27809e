// Filled contour bands of a scalar field on a regular grid, as SVG path data (vector, small, crisp).
import { contours } from 'd3-contour';
import { ringPath, simplifyPolyline } from './simplify.js';

export interface GridBox { xMin: number; xMax: number; yMin: number; yMax: number; nx: number; ny: number }

/**
 * One path per threshold t: the region where value >= t (d3-contour isobands, stacked in ascending order so each
 * band shows through between its threshold and the next). Samples sit on the grid's inclusive linspace
 * (i = 0 -> xMin, i = nx-1 -> xMax); d3-contour places them at cell centres, so we map u -> xMin + (u - 0.5) * step
 * and clamp the half-cell overhang onto the box edge.
 */
export function contourBandPaths(values: ArrayLike<number>, grid: GridBox, thresholds: readonly number[],
  toPixel: (x: number, y: number) => [number, number], tolerance = 0.25): string[] {
  const generator = contours().size([grid.nx, grid.ny]).smooth(true).thresholds(thresholds as number[]);
  const stepX = (grid.xMax - grid.xMin) / Math.max(1, grid.nx - 1);
  const stepY = (grid.yMax - grid.yMin) / Math.max(1, grid.ny - 1);
  const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);
  const data = Array.from(values);
  return thresholds.map((t) => {
    const multi = generator.contour(data, t);
    let d = '';
    for (const polygon of multi.coordinates) {
      for (const ring of polygon) {
        const pixels = ring.slice(0, -1).map(([u, v]) => toPixel(
          clamp(grid.xMin + (u - 0.5) * stepX, grid.xMin, grid.xMax),
          clamp(grid.yMin + (v - 0.5) * stepY, grid.yMin, grid.yMax)));
        pixels.push(pixels[0]);
        d += ringPath(simplifyPolyline(pixels, tolerance));
      }
    }
    return d;
  });
}
