import { calibration, confidenceStatistics, type Grid } from '@manifold-mixup/analysis';
import type { LabeledSet } from '@manifold-mixup/datasets';

export interface SetMetrics {
  /** Mean negative log-likelihood of the true class, in nats. */
  loss: number;
  accuracy: number;
}

export interface ModelMetrics {
  train: SetMetrics;
  test: SetMetrics & { ece: number };
  /** Share of the map's area where the top class has P < 0.9. */
  lowConfidence: number;
  /** Total variation of P(class 1) over the map, the box scaled to the unit square. */
  totalVariation: number;
}

// The threshold the reproduction's spiral claim uses, so the numbers read the same way.
export const CONFIDENCE_THRESHOLD = 0.9;

/** The rows of one prediction over train, test and the grid's cells, concatenated in that order. */
export function predictionInput(train: LabeledSet, test: LabeledSet, grid: Grid): Float32Array {
  const all = new Float32Array(train.x.length + test.x.length + grid.points.length);
  all.set(train.x, 0);
  all.set(test.x, train.x.length);
  all.set(grid.points, train.x.length + test.x.length);
  return all;
}

/**
 * The measures of one model from its 2-class probabilities over `predictionInput`'s rows, and P(class 1) per
 * grid cell for the map. Everything is computed by @manifold-mixup/analysis, as in the reproduction.
 */
export function measure(
  probabilities: Float32Array,
  train: LabeledSet,
  test: LabeledSet,
  grid: Grid,
): { metrics: ModelMetrics; pClass1: Float32Array } {
  const trainP = probabilities.subarray(0, 2 * train.n);
  const testP = probabilities.subarray(2 * train.n, 2 * (train.n + test.n));
  const gridP = probabilities.subarray(2 * (train.n + test.n));
  const onTrain = calibration(trainP, train.y, 2);
  const onTest = calibration(testP, test.y, 2);
  const map = confidenceStatistics(gridP, 2, grid, { threshold: CONFIDENCE_THRESHOLD });
  const pClass1 = new Float32Array(grid.nx * grid.ny);
  for (let i = 0; i < pClass1.length; i++) pClass1[i] = gridP[2 * i + 1];
  return {
    metrics: {
      train: { loss: onTrain.nll, accuracy: onTrain.accuracy },
      test: { loss: onTest.nll, accuracy: onTest.accuracy, ece: onTest.ece },
      lowConfidence: map.lowConfidenceFraction,
      totalVariation: map.totalVariation,
    },
    pClass1,
  };
}
