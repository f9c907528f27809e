import { rangeError } from '@manifold-mixup/errors';
import { mulberry32, sampleWithoutReplacement } from '@manifold-mixup/random';
import { checkLabels, checkMatrix, groupRowsByLabel, squaredRowDistance, type Matrix } from './matrix.js';

export interface ClassMargin {
  label: number;
  n: number;
  centroid: number[];
  /** RMS distance of the class's points to its centroid: sqrt(mean ||x - c||^2). */
  spread: number;
  /** Distance from this centroid to the nearest other class's centroid. */
  nearestOtherCentroid: number;
  nearestOtherLabel: number;
  /** min over other classes j of ||c_k - c_j|| / (spread_k + spread_j) (Infinity if both spreads are 0). */
  margin: number;
  /** The class j attaining `margin`. */
  marginAgainst: number;
}

export interface MarginStatistics {
  classes: ClassMargin[];
  meanMargin: number;
  minMargin: number;
  /** 5th percentile over (sampled) points of the distance to the nearest (sampled) point of another class. */
  closestPairDistanceP05: number;
  /** Median of the same per-point distances. */
  closestPairDistanceMedian: number;
  /** Number of points the closest-pair percentiles were computed on (all points if n <= maxPoints). */
  sampledPoints: number;
}

export interface MarginOptions {
  /** Above this many points the closest-pair statistics use a seeded uniform subsample. Default 2000. */
  maxPoints?: number;
  seed?: number;
}

/** Centroids, spreads and margins of labelled codes (rows); needs at least two classes. */
export function marginStatistics(
  codes: Matrix,
  labels: ArrayLike<number>,
  options: MarginOptions = {},
): MarginStatistics {
  checkMatrix(codes, 'marginStatistics', 'codes');
  checkLabels(labels, codes.rows, 'marginStatistics');
  const groups = groupRowsByLabel(labels);
  if (groups.length < 2) {
    throw rangeError('marginStatistics', 'labels', 'must hold at least 2 classes', String(groups.length));
  }
  const { values, cols } = codes;
  const centroids = groups.map(({ rows }) => {
    const c = new Float64Array(cols);
    for (const r of rows) for (let j = 0; j < cols; j++) c[j] += values[r * cols + j];
    return c.map((v) => v / rows.length);
  });
  const spreads = groups.map(({ rows }, g) => {
    let sum = 0;
    for (const r of rows) {
      for (let j = 0; j < cols; j++) {
        const diff = values[r * cols + j] - centroids[g][j];
        sum += diff * diff;
      }
    }
    return Math.sqrt(sum / rows.length);
  });
  const classes = groups.map(({ label, rows }, g): ClassMargin => {
    let nearest = Infinity;
    let nearestLabel = -1;
    let margin = Infinity;
    let marginAgainst = -1;
    groups.forEach((other, h) => {
      if (h === g) return;
      const distance = Math.sqrt(squaredDistance(centroids[g], centroids[h]));
      if (distance < nearest) [nearest, nearestLabel] = [distance, other.label];
      const ratio = spreads[g] + spreads[h] > 0 ? distance / (spreads[g] + spreads[h]) : distance > 0 ? Infinity : 0;
      if (ratio < margin || marginAgainst < 0) [margin, marginAgainst] = [ratio, other.label];
    });
    return {
      label,
      n: rows.length,
      centroid: Array.from(centroids[g]),
      spread: spreads[g],
      nearestOtherCentroid: nearest,
      nearestOtherLabel: nearestLabel,
      margin,
      marginAgainst,
    };
  });
  const margins = classes.map((c) => c.margin);
  const closest = nearestOtherClassDistances(codes, labels, options.maxPoints ?? 2000, options.seed ?? 0);
  return {
    classes,
    meanMargin: margins.reduce((a, b) => a + b, 0) / margins.length,
    minMargin: Math.min(...margins),
    closestPairDistanceP05: percentile(closest, 0.05),
    closestPairDistanceMedian: percentile(closest, 0.5),
    sampledPoints: closest.length,
  };
}

/** For each sampled point, the distance to the nearest sampled point with a different label (O(m^2 d)). */
function nearestOtherClassDistances(
  codes: Matrix,
  labels: ArrayLike<number>,
  maxPoints: number,
  seed: number,
): Float64Array {
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw rangeError('marginStatistics', 'maxPoints', 'must be an integer >= 2', String(maxPoints));
  }
  const sample = sampleWithoutReplacement(codes.rows, maxPoints, mulberry32(seed));
  const out = new Float64Array(sample.length).fill(Infinity);
  for (let a = 0; a < sample.length; a++) {
    for (let b = a + 1; b < sample.length; b++) {
      if (labels[sample[a]] === labels[sample[b]]) continue;
      const d2 = squaredRowDistance(codes.values, codes.cols, sample[a], sample[b]);
      if (d2 < out[a]) out[a] = d2;
      if (d2 < out[b]) out[b] = d2;
    }
  }
  // A sample may miss every other class only if it holds one class; those points are dropped.
  return out.filter(Number.isFinite).map(Math.sqrt);
}

/** Linear-interpolation percentile (numpy's default, "type 7") of `q` in [0, 1]; NaN for no data. */
export function percentile(data: ArrayLike<number>, q: number): number {
  if (data.length === 0) return NaN;
  const sorted = Float64Array.from(data).sort();
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
}

function squaredDistance(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - b[i]) ** 2;
  return sum;
}
