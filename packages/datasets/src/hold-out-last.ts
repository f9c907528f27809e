import { rangeError } from '@manifold-mixup/errors';
import type { LabeledSet } from '@manifold-mixup/types';
import { slice } from './labeled-set.js';

/** The seed's MNIST validation split: the last `count` examples become validation, the rest train (order kept). */
export function holdOutLast(set: LabeledSet, count: number): { train: LabeledSet; validation: LabeledSet } {
  if (!Number.isInteger(count) || count < 0 || count > set.n) {
    throw rangeError('holdOutLast', 'count', `must be an integer in [0, ${set.n}]`, String(count));
  }
  return { train: slice(set, 0, set.n - count), validation: slice(set, set.n - count, set.n) };
}
