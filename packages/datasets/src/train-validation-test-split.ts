import { rangeError } from '@manifold-mixup/errors';
import { mulberry32, randomPermutation } from '@manifold-mixup/random';
import type { LabeledSet } from '@manifold-mixup/types';
import { gather } from './labeled-set.js';

export interface SplitOptions {
  /** Fraction of all examples for the test set, in [0, 1). */
  testFraction: number;
  /** Fraction of the remaining (non-test) examples for validation, in [0, 1). */
  validationFraction: number;
  /** Seed of the one shuffle behind both splits. */
  seed: number;
}

/**
 * The seed's two-stage split: first `ceil(testFraction * n)` examples go to test, then
 * `ceil(validationFraction * rest)` of the rest to validation (ceil, like scikit-learn's
 * train_test_split), the remainder to train. One seeded shuffle drives both stages; each part
 * keeps the shuffled order. The three parts are disjoint and cover the set.
 */
export function trainValidationTestSplit(
  set: LabeledSet,
  options: SplitOptions,
): { train: LabeledSet; validation: LabeledSet; test: LabeledSet } {
  const { testFraction, validationFraction, seed } = options;
  checkFraction('testFraction', testFraction);
  checkFraction('validationFraction', validationFraction);
  const order = randomPermutation(set.n, mulberry32(seed), new Uint32Array(set.n));
  const testCount = Math.ceil(testFraction * set.n);
  const validationCount = Math.ceil(validationFraction * (set.n - testCount));
  const validationEnd = testCount + validationCount;
  return {
    train: gather(set, order.subarray(validationEnd), 'trainValidationTestSplit'),
    validation: gather(set, order.subarray(testCount, validationEnd), 'trainValidationTestSplit'),
    test: gather(set, order.subarray(0, testCount), 'trainValidationTestSplit'),
  };
}

function checkFraction(name: string, value: number): void {
  if (!(value >= 0 && value < 1)) {
    throw rangeError('trainValidationTestSplit', name, 'must be in [0, 1)', String(value));
  }
}
