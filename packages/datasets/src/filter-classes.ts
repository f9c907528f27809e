import { rangeError } from '@manifold-mixup/errors';
import type { LabeledSet } from '@manifold-mixup/types';
import { gather } from './labeled-set.js';

/**
 * The examples whose label is in `classes`, in their original order. Labels are not renumbered and
 * numClasses is kept, so a model's output layer and class colours stay the same (e.g. digits 0-4 of MNIST).
 */
export function filterClasses(set: LabeledSet, classes: readonly number[]): LabeledSet {
  const keep = new Uint8Array(256);
  for (const c of classes) {
    if (!Number.isInteger(c) || c < 0 || c >= set.numClasses) {
      throw rangeError('filterClasses', 'classes', `must be integers in [0, ${set.numClasses})`, String(c));
    }
    keep[c] = 1;
  }
  const indices: number[] = [];
  for (let i = 0; i < set.n; i++) if (keep[set.y[i]]) indices.push(i);
  return gather(set, indices, 'filterClasses');
}
