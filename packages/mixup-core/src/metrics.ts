/** Accuracy, mean negative log-likelihood and expected calibration error (equal-width bins). */
export interface ClassificationMetrics {
  accuracy: number;
  nll: number;
  ece: number;
  n: number;
}

/** Accumulates metrics batch by batch from log-probabilities, so no full matrix is needed. */
export class MetricsAccumulator {
  private correct = 0;
  private nllSum = 0;
  private count = 0;
  private readonly binCount: Float64Array;
  private readonly binConfidence: Float64Array;
  private readonly binCorrect: Float64Array;

  constructor(
    readonly numClasses: number,
    readonly bins = 15,
  ) {
    this.binCount = new Float64Array(bins);
    this.binConfidence = new Float64Array(bins);
    this.binCorrect = new Float64Array(bins);
  }

  /** `logProbs` is rows * numClasses, row-major; `labels[offset + r]` is row r's class. */
  add(logProbs: Float32Array, rows: number, labels: ArrayLike<number>, offset: number): void {
    const c = this.numClasses;
    for (let r = 0; r < rows; r++) {
      let best = 0;
      for (let j = 1; j < c; j++) if (logProbs[r * c + j] > logProbs[r * c + best]) best = j;
      const label = labels[offset + r];
      const hit = best === label ? 1 : 0;
      const confidence = Math.exp(logProbs[r * c + best]);
      const bin = Math.min(this.bins - 1, Math.floor(confidence * this.bins));
      this.correct += hit;
      this.nllSum -= logProbs[r * c + label];
      this.binCount[bin] += 1;
      this.binConfidence[bin] += confidence;
      this.binCorrect[bin] += hit;
    }
    this.count += rows;
  }

  result(): ClassificationMetrics {
    const n = this.count;
    let ece = 0;
    for (let b = 0; b < this.bins; b++) {
      if (this.binCount[b] > 0) ece += Math.abs(this.binCorrect[b] - this.binConfidence[b]) / n;
    }
    return { accuracy: n > 0 ? this.correct / n : NaN, nll: n > 0 ? this.nllSum / n : NaN, ece: n > 0 ? ece : NaN, n };
  }
}
