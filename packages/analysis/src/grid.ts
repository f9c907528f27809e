import { rangeError } from '@manifold-mixup/errors';
import type { GridBox } from '@manifold-mixup/types';

export interface Box {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

// A box divided into nx x ny cells; its shape lives in @manifold-mixup/types so viz can take it without analysis.
export type { GridBox };

export interface Grid extends GridBox {
  /** nx*ny*2 coordinates of the cell centres, row-major: y outer (from yMin up), x inner (from xMin). */
  points: Float32Array;
}

/**
 * An nx x ny grid of equal cells covering the box; a point is each cell's centre, so a fraction of points
 * is exactly a fraction of the box's area. `resolution` n means nx = ny = n.
 */
export function makeGrid(box: Box, resolution: number | { nx: number; ny: number }): Grid {
  const { xMin, xMax, yMin, yMax } = box ?? ({} as Box);
  for (const [name, value] of Object.entries({ xMin, xMax, yMin, yMax })) {
    if (!Number.isFinite(value)) throw rangeError('makeGrid', `box.${name}`, 'must be a finite number', String(value));
  }
  if (!(xMax > xMin) || !(yMax > yMin)) {
    const found = `x [${xMin}, ${xMax}], y [${yMin}, ${yMax}]`;
    throw rangeError('makeGrid', 'box', 'must have xMin < xMax and yMin < yMax', found);
  }
  const { nx, ny } = typeof resolution === 'number' ? { nx: resolution, ny: resolution } : resolution;
  for (const [name, value] of Object.entries({ nx, ny })) {
    if (!Number.isInteger(value) || value < 1)
      throw rangeError('makeGrid', name, 'must be an integer >= 1', String(value));
  }
  const points = new Float32Array(nx * ny * 2);
  const dx = (xMax - xMin) / nx;
  const dy = (yMax - yMin) / ny;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      points[2 * (j * nx + i)] = xMin + (i + 0.5) * dx;
      points[2 * (j * nx + i) + 1] = yMin + (j + 0.5) * dy;
    }
  }
  return { xMin, xMax, yMin, yMax, nx, ny, points };
}
