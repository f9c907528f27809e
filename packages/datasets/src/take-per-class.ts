import { rangeError } from '@manifold-mixup/errors';
import { mulberry32, randomPermutation } from '@manifold-mixup/random';
import type { LabeledSet } from '@manifold-mixup/types';
import { gather } from './labeled-set.js';

/**
 * At most `perClass` examples of every class present (e.g. 250 per digit for scatter plots).
 * Without a seed, the first `perClass` of each class are taken; with a seed, a seeded random choice.
 * Either way the result keeps the original relative order of the chosen examples.
 * A class with fewer examples contributes all it has.
 */
export function takePerClass(set: LabeledSet, perClass: number, options: { seed?: number } = {}): LabeledSet {
  if (!Number.isInteger(perClass) || perClass < 0) {
    throw rangeError('takePerClass', 'perClass', 'must be a non-negative integer', String(perClass));
  }
  const visitOrder =
    options.seed === undefined ? null : randomPermutation(set.n, mulberry32(options.seed), new Uint32Array(set.n));
  const taken = new Uint32Array(256);
  const chosen = new Uint8Array(set.n);
  for (let k = 0; k < set.n; k++) {
    const i = visitOrder ? visitOrder[k] : k;
    const label = set.y[i];
    if (taken[label] < perClass) {
      taken[label]++;
      chosen[i] = 1;
    }
  }
  const indices: number[] = [];
  for (let i = 0; i < set.n; i++) if (chosen[i]) indices.push(i);
  return gather(set, indices, 'takePerClass');
}
