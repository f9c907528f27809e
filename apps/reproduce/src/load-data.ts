import {
  holdOutLast,
  loadMnist,
  subset,
  takePerClass,
  trainValidationTestSplit,
  twoSpirals,
  type LabeledSet,
} from '@manifold-mixup/datasets';
import type { DataSpec } from './model-job.js';

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
