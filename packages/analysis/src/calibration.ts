import { describeFound, rangeError } from '@manifold-mixup/errors';
import { checkLabels } from './matrix.js';
import { checkProbabilities, topClass } from './probabilities.js';
import type { ReliabilityBin } from '@manifold-mixup/types';

// The bin's shape lives in @manifold-mixup/types so viz can draw it without depending on analysis.
export type { ReliabilityBin };

export interface Calibration {
  accuracy: number;
  /** Mean of -ln max(p_label, 1e-12), in nats. */
  nll: number;
  /** sum_b (count_b / n) |accuracy_b - confidence_b|. */
  ece: number;
  /** max over non-empty bins of |accuracy_b - confidence_b|. */
  mce: number;
  bins: ReliabilityBin[];
}

const PROBABILITY_FLOOR = 1e-12;

/**
 * Calibration of n rows of predicted probabilities against labels. Confidence is the top-class
 * probability, the prediction its class (the first on ties); bin b covers [b/B, (b+1)/B), except the
 * last, which also holds confidence 1.
 */
export function calibration(
  probabilities: Float32Array | Float64Array,
  labels: ArrayLike<number>,
  numClasses: number,
  options: { bins?: number } = {},
): Calibration {
  const n = labels?.length ?? 0;
  checkLabels(labels, n, 'calibration');
  if (n === 0) throw rangeError('calibration', 'labels', 'must hold at least one example', describeFound(labels));
  checkProbabilities(probabilities, n, numClasses, 'calibration');
  for (let i = 0; i < n; i++) {
    if (labels[i] >= numClasses)
      throw new RangeError(`calibration: labels[${i}] = ${labels[i]} is not below numClasses = ${numClasses}`);
  }
  const binCount = options.bins ?? 15;
  if (!Number.isInteger(binCount) || binCount < 1)
    throw rangeError('calibration', 'bins', 'must be an integer >= 1', String(binCount));
  const count = new Float64Array(binCount);
  const confidenceSum = new Float64Array(binCount);
  const correctSum = new Float64Array(binCount);
  let correct = 0;
  let nll = 0;
  for (let i = 0; i < n; i++) {
    const { confidence, prediction } = topClass(probabilities, i, numClasses);
    const hit = prediction === labels[i] ? 1 : 0;
    const b = Math.min(Math.floor(confidence * binCount), binCount - 1);
    count[b]++;
    confidenceSum[b] += confidence;
    correctSum[b] += hit;
    correct += hit;
    nll -= Math.log(Math.max(probabilities[i * numClasses + labels[i]], PROBABILITY_FLOOR));
  }
  let ece = 0;
  let mce = 0;
  const bins: ReliabilityBin[] = [];
  for (let b = 0; b < binCount; b++) {
    const confidence = count[b] > 0 ? confidenceSum[b] / count[b] : 0;
    const accuracy = count[b] > 0 ? correctSum[b] / count[b] : 0;
    if (count[b] > 0) {
      const gap = Math.abs(accuracy - confidence);
      ece += (count[b] / n) * gap;
      mce = Math.max(mce, gap);
    }
    bins.push({ lower: b / binCount, upper: (b + 1) / binCount, confidence, accuracy, count: count[b] });
  }
  return { accuracy: correct / n, nll: nll / n, ece, mce, bins };
}
