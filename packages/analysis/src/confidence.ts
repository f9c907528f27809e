import { rangeError } from '@manifold-mixup/errors';
import type { Grid } from './grid.js';
import { checkProbabilities, topClass } from './probabilities.js';

export interface ConfidenceStatistics {
  /** Fraction of grid cells (= of the box's area) whose top-class probability is below `threshold`. */
  lowConfidenceFraction: number;
  /** Mean over cells of the predictive entropy -sum_c p_c ln p_c, in nats (0 ln 0 = 0). */
  meanEntropy: number;
  /** Anisotropic total variation of P(classIndex) in box-side units (see README); a step of height J
   * across the whole box along a vertical line has totalVariation J. */
  totalVariation: number;
  /** The same total variation in data units: probability x length in the box's coordinates. */
  totalVariationDataUnits: number;
  threshold: number;
}

/**
 * Statistics of predicted probabilities on a grid (from makeGrid): `probabilities` holds nx*ny rows of
 * numClasses probabilities in the grid's point order (y outer, x inner).
 */
export function confidenceStatistics(
  probabilities: Float32Array | Float64Array,
  numClasses: number,
  grid: Grid,
  options: { threshold?: number; classIndex?: number } = {},
): ConfidenceStatistics {
  const { nx, ny } = grid;
  const cells = nx * ny;
  checkProbabilities(probabilities, cells, numClasses, 'confidenceStatistics');
  const threshold = options.threshold ?? 0.9;
  if (!(threshold > 0 && threshold <= 1)) {
    throw rangeError('confidenceStatistics', 'threshold', 'must be in (0, 1]', String(threshold));
  }
  const classIndex = options.classIndex ?? 1;
  if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= numClasses) {
    throw rangeError(
      'confidenceStatistics',
      'classIndex',
      `must be an integer in [0, ${numClasses})`,
      String(classIndex),
    );
  }
  // Compare at the input's precision: a Float32 "0.9" is 0.89999998 and must not count as below 0.9.
  const cutoff = probabilities instanceof Float32Array ? Math.fround(threshold) : threshold;
  let low = 0;
  let entropy = 0;
  for (let i = 0; i < cells; i++) {
    if (topClass(probabilities, i, numClasses).confidence < cutoff) low++;
    for (let c = 0; c < numClasses; c++) {
      const p = probabilities[i * numClasses + c];
      if (p > 0) entropy -= p * Math.log(p);
    }
  }
  const q = (x: number, y: number) => probabilities[(y * nx + x) * numClasses + classIndex];
  let horizontal = 0; // sum of |q(x+1, y) - q(x, y)|: jumps across vertical cell edges, each of height 1/ny
  let vertical = 0; // sum of |q(x, y+1) - q(x, y)|: jumps across horizontal cell edges, each of width 1/nx
  for (let y = 0; y < ny; y++) for (let x = 0; x + 1 < nx; x++) horizontal += Math.abs(q(x + 1, y) - q(x, y));
  for (let y = 0; y + 1 < ny; y++) for (let x = 0; x < nx; x++) vertical += Math.abs(q(x, y + 1) - q(x, y));
  const width = grid.xMax - grid.xMin;
  const height = grid.yMax - grid.yMin;
  return {
    lowConfidenceFraction: low / cells,
    meanEntropy: entropy / cells,
    totalVariation: horizontal / ny + vertical / nx,
    totalVariationDataUnits: (horizontal * height) / ny + (vertical * width) / nx,
    threshold,
  };
}
