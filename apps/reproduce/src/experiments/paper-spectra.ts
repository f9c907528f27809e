/**
 * The paper's spectrum numbers (arXiv:1806.05236v7), quoted where they were measured: compare each only
 * with a number of the same layer. Singular values grow with √n and with the scale of the
 * representation, so across runs of another size compare ratios between models, not raw values.
 */

/**
 * Section 3.2's table, computed "at the first hidden layer" of an MNIST MLP: per class, the largest
 * singular value and the sum of the others, averaged over classes. Its comparison belongs to an
 * experiment that measures the first hidden layer (the generalisation experiment's flattening
 * statistic), not to the 12-D bottleneck.
 */
export const SECTION_3_2_FIRST_HIDDEN_LAYER: Readonly<Record<string, readonly [largest: number, others: number]>> = {
  baseline: [51.73, 78.67],
  'weight-decay': [33.76, 73.36],
  dropout: [28.83, 77.47],
  'input-mixup': [33.46, 66.89],
  'manifold-mixup': [31.65, 40.98],
};

/** Appendix G, Fig. 9: the mean first singular value of the classes' 12-D bottleneck codes, per model. */
export const APPENDIX_G_FIRST_SIGMA: Readonly<Record<string, number>> = {
  baseline: 50.08,
  'input-mixup': 37.17,
  'manifold-mixup': 43.44,
};
