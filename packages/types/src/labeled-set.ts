/**
 * A supervised data set as plain typed arrays: the shape every manifold-mixup package exchanges.
 * `Labels` is what `y` holds: the data sets' loaders produce Uint8Array (the default); the training
 * code only reads `y[i]`, so it accepts any `LabeledSet<ArrayLike<number>>`.
 */
export interface LabeledSet<Labels extends ArrayLike<number> = Uint8Array> {
  /** n * prod(shape) features, row-major (example i occupies x[i * size, (i + 1) * size)). */
  x: Float32Array;
  /** n labels (class indices in [0, numClasses)). */
  y: Labels;
  /** Number of examples. */
  n: number;
  /** Per-example feature shape: [2] for spirals, [28, 28] for MNIST. */
  shape: readonly number[];
  /** Number of classes of the task (2 for spirals, 10 for MNIST), kept even after filtering. */
  numClasses: number;
}
