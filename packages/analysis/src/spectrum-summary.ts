import { rangeError } from '@manifold-mixup/errors';

export interface SpectrumSummary {
  /** s_1, the largest singular value (0 for an empty spectrum). */
  largest: number;
  /** s_2 + ... + s_k (the paper's section 3.2 statistic beside s_1). */
  sumOfOthers: number;
  /** exp(-sum p_i ln p_i), p_i = s_i / sum_j s_j: 1 for a rank-1 spectrum, k for k equal values, 0 if all are 0. */
  effectiveRank: number;
  /** #{ i : s_i > relativeThreshold * s_1 }. Theorem 1 bounds it by dim - classes + 1 (see theoremOneBound). */
  significantDirections: number;
}

/** Headline statistics of one spectrum (any order; it is sorted descending first). */
export function spectrumSummary(sv: readonly number[], options: { relativeThreshold?: number } = {}): SpectrumSummary {
  const relativeThreshold = options.relativeThreshold ?? 0.01;
  if (!(relativeThreshold >= 0 && relativeThreshold < 1)) {
    throw rangeError('spectrumSummary', 'relativeThreshold', 'must be in [0, 1)', String(relativeThreshold));
  }
  sv.forEach((s, i) => {
    if (!Number.isFinite(s) || s < 0) {
      throw rangeError('spectrumSummary', `singular value ${i}`, 'must be finite and >= 0', String(s));
    }
  });
  const sorted = [...sv].sort((a, b) => b - a);
  const largest = sorted[0] ?? 0;
  let total = 0;
  for (const s of sorted) total += s;
  let entropy = 0;
  let significantDirections = 0;
  for (const s of sorted) {
    if (s > 0) {
      const p = s / total;
      entropy -= p * Math.log(p);
    }
    if (largest > 0 && s > relativeThreshold * largest) significantDirections++;
  }
  return {
    largest,
    sumOfOthers: total - largest,
    effectiveRank: total > 0 ? Math.exp(entropy) : 0,
    significantDirections,
  };
}

/**
 * Theorem 1 of Verma et al. (2019): when Manifold Mixup's loss is minimised at a representation of
 * dimension `dim` with `classes` classes (dim >= classes - 1), each class's representations lie in a
 * subspace of dimension at most dim - classes + 1.
 */
export function theoremOneBound(dim: number, classes: number): number {
  if (!Number.isInteger(dim) || !Number.isInteger(classes) || classes < 2 || dim < classes - 1) {
    const requirement = 'must be integers with classes >= 2 and dim >= classes - 1';
    throw rangeError('theoremOneBound', 'dim and classes', requirement, `dim=${dim}, classes=${classes}`);
  }
  return dim - classes + 1;
}
