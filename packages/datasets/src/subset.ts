import type { LabeledSet } from '@manifold-mixup/types';
import { gather } from './labeled-set.js';

/** A new set holding copies of the examples at `indices`, in that order (repeats allowed). */
export function subset(set: LabeledSet, indices: ArrayLike<number>): LabeledSet {
  return gather(set, indices, 'subset');
}
