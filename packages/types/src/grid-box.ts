/**
 * A box divided into nx x ny equal cells; sample (i, j) is the centre of its cell: x = xMin + (i + 0.5)(xMax - xMin)/nx,
 * y = yMin + (j + 0.5)(yMax - yMin)/ny. analysis' `makeGrid` samples a box this way and viz's `confidenceMaps` draws
 * a field sampled on it.
 */
export interface GridBox {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** Cells along x. */
  nx: number;
  /** Cells along y. */
  ny: number;
}
