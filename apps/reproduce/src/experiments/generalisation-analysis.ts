import { floats, testCalibration, type SeedAnalysis, type TrainedModel } from '../analyze-common.js';
import type { FlatteningStatistics } from '../results.js';

/**
 * The participation ratio (Σλ)² / Σλ² of a class's covariance from its centred singular values σ
 * (λ ∝ σ²): the effective number of directions of variance, unchanged by rescaling the layer.
 */
export function participationRatio(singularValues: ArrayLike<number>): number {
  let sum = 0;
  let sumOfSquares = 0;
  for (let i = 0; i < singularValues.length; i++) {
    const lambda = singularValues[i] * singularValues[i];
    sum += lambda;
    sumOfSquares += lambda * lambda;
  }
  return sumOfSquares === 0 ? 0 : (sum * sum) / sumOfSquares;
}

/** Mean over classes of the largest singular value and of the sum of the others (§3.2's table). */
function section32(rows: Float32Array, classes: number): { largest: number; sumOfOthers: number } {
  const cols = rows.length / classes;
  let largest = 0;
  let others = 0;
  for (let c = 0; c < classes; c++) {
    const row = rows.subarray(c * cols, (c + 1) * cols);
    const top = Math.max(...row);
    largest += top;
    others += row.reduce((a, b) => a + b, 0) - top;
  }
  return { largest: largest / classes, sumOfOthers: others / classes };
}

/**
 * The flattening statistics of one model from the class spectra the worker stored (a row of singular
 * values per class, uncentred and centred).
 */
export function flatteningOf(uncentred: Float32Array, centred: Float32Array, classes: number): FlatteningStatistics {
  const cols = centred.length / classes;
  const perClass = Array.from({ length: classes }, (_, c) =>
    participationRatio(centred.subarray(c * cols, (c + 1) * cols)),
  );
  return {
    participationRatio: perClass.reduce((a, b) => a + b, 0) / classes,
    perClassParticipationRatio: perClass,
    centred: section32(centred, classes),
    uncentred: section32(uncentred, classes),
  };
}

/** One seed of the generalisation experiment: test metrics and the first hidden layer's flattening per model. */
export function analyzeGeneralisation(models: readonly TrainedModel[]): SeedAnalysis<Record<string, never>> {
  return {
    runs: models.map((model) => {
      const centred = floats(model, 'hiddenSpectraCentred');
      const classes = model.outputs.arrays.hiddenSpectraCentred.rows;
      return {
        ...testCalibration(model),
        analysis: { flattening: flatteningOf(floats(model, 'hiddenSpectra'), centred, classes) },
      };
    }),
    arrays: {},
  };
}
