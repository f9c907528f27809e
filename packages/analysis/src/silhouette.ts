import { rangeError } from '@manifold-mixup/errors';
import { mulberry32, sampleWithoutReplacement } from '@manifold-mixup/random';
import { checkLabels, checkMatrix, squaredRowDistance, type Matrix } from './matrix.js';

/**
 * Mean silhouette s(i) = (b_i - a_i) / max(a_i, b_i) over points, with a_i the mean Euclidean distance
 * to the other points of i's class and b_i the smallest mean distance to the points of another class
 * (s(i) = 0 when i is alone in its class, as in scikit-learn). Exact (O(n^2 d)) for n <= maxPoints
 * (default 2000); above that, computed exactly on a seeded uniform subsample of maxPoints points.
 */
export function silhouetteScore(
  codes: Matrix,
  labels: ArrayLike<number>,
  options: { maxPoints?: number; seed?: number } = {},
): number {
  checkMatrix(codes, 'silhouetteScore', 'codes');
  checkLabels(labels, codes.rows, 'silhouetteScore');
  const maxPoints = options.maxPoints ?? 2000;
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw rangeError('silhouetteScore', 'maxPoints', 'must be an integer >= 2', String(maxPoints));
  }
  const sample = sampleWithoutReplacement(codes.rows, maxPoints, mulberry32(options.seed ?? 0));
  const classOf = new Map<number, number>();
  const sampleClass = new Int32Array(sample.length);
  sample.forEach((row, i) => {
    const y = labels[row];
    if (!classOf.has(y)) classOf.set(y, classOf.size);
    sampleClass[i] = classOf.get(y)!;
  });
  const k = classOf.size;
  if (k < 2)
    throw rangeError('silhouetteScore', 'labels', 'must hold at least 2 classes in the (sampled) points', String(k));
  const counts = new Float64Array(k);
  for (const c of sampleClass) counts[c]++;
  // sums[i * k + c] = sum of distances from sampled point i to the sampled points of class c.
  const sums = new Float64Array(sample.length * k);
  for (let a = 0; a < sample.length; a++) {
    for (let b = a + 1; b < sample.length; b++) {
      const d = Math.sqrt(squaredRowDistance(codes.values, codes.cols, sample[a], sample[b]));
      sums[a * k + sampleClass[b]] += d;
      sums[b * k + sampleClass[a]] += d;
    }
  }
  let total = 0;
  for (let i = 0; i < sample.length; i++) {
    const own = sampleClass[i];
    if (counts[own] < 2) continue; // s(i) = 0
    const a = sums[i * k + own] / (counts[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own) b = Math.min(b, sums[i * k + c] / counts[c]);
    const denominator = Math.max(a, b);
    if (denominator > 0) total += (b - a) / denominator;
  }
  return total / sample.length;
}
