import { numberError, rangeError } from '@manifold-mixup/errors';
import type { LabeledSet } from '@manifold-mixup/types';
import { featureSize } from './batches.js';

type Labels = ArrayLike<number> & { subarray?: (start: number, end: number) => ArrayLike<number> };

/** Rows [start, end) of `set`, sharing its buffers where they are typed arrays. */
function rows(set: LabeledSet<ArrayLike<number>>, start: number, end: number): LabeledSet<ArrayLike<number>> {
  const size = featureSize(set.shape);
  const y = set.y as Labels;
  return {
    x: set.x.subarray(start * size, end * size),
    y: typeof y.subarray === 'function' ? y.subarray(start, end) : Array.prototype.slice.call(y, start, end),
    n: end - start,
    shape: set.shape,
    numClasses: set.numClasses,
  };
}

/**
 * `validationSplit` as tf.LayersModel.fit applies it: the last `fraction` of the rows, taken before any
 * shuffling, is held out (row floor(n * (1 - fraction)) onwards); both parts must hold rows.
 */
export function splitValidation(
  set: LabeledSet<ArrayLike<number>>,
  fraction: number,
  where: string,
): { train: LabeledSet<ArrayLike<number>>; validation: LabeledSet<ArrayLike<number>> } {
  const field = 'options.validationSplit';
  if (!(fraction > 0 && fraction < 1)) throw numberError(where, field, 'must be a number in (0, 1)', fraction);
  const splitAt = Math.floor(set.n * (1 - fraction));
  if (splitAt === 0 || splitAt === set.n) {
    const requirement = `must leave rows for both training and validation (of ${set.n} rows)`;
    throw rangeError(where, field, requirement, `${fraction}, which holds out ${set.n - splitAt}`);
  }
  return { train: rows(set, 0, splitAt), validation: rows(set, splitAt, set.n) };
}
