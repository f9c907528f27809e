import { rangeError } from '@manifold-mixup/errors';
import type { LabeledSet } from '@manifold-mixup/types';

/** Features per example: the product of the shape. */
function exampleSize(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

/** Copies the examples at `indices` (in that order) into a new set with the same shape and numClasses. */
export function gather(set: LabeledSet, indices: ArrayLike<number>, what = 'subset'): LabeledSet {
  const size = exampleSize(set.shape);
  const n = indices.length;
  const x = new Float32Array(n * size);
  const y = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const i = indices[j];
    if (!Number.isInteger(i) || i < 0 || i >= set.n) {
      throw rangeError(what, `indices[${j}]`, `must be an integer in [0, ${set.n})`, String(i));
    }
    x.set(set.x.subarray(i * size, (i + 1) * size), j * size);
    y[j] = set.y[i];
  }
  return { x, y, n, shape: [...set.shape], numClasses: set.numClasses };
}

/** Copies the contiguous range [start, end) of examples. */
export function slice(set: LabeledSet, start: number, end: number): LabeledSet {
  const size = exampleSize(set.shape);
  return {
    x: set.x.slice(start * size, end * size),
    y: set.y.slice(start, end),
    n: end - start,
    shape: [...set.shape],
    numClasses: set.numClasses,
  };
}
