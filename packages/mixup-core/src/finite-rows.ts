import { rangeError } from '@manifold-mixup/errors';
import { indexOfNonFinite } from './finite-guard.js';

/** Where a flat index falls: its row and, for examples of more than one axis, its coordinates within the row. */
function position(index: number, shape: readonly number[]): string {
  const size = shape.reduce((a, b) => a * b, 1);
  const row = Math.floor(index / size);
  let feature = index % size;
  if (shape.length < 2) return `row ${row}, feature ${feature}`;
  const coordinates = new Array<number>(shape.length);
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    coordinates[axis] = feature % shape[axis];
    feature = Math.floor(feature / shape[axis]);
  }
  return `row ${row}, feature ${index % size} ([${coordinates.join(', ')}] of [${shape.join(', ')}])`;
}

/** Throws a RangeError naming the row and feature of the first NaN or ±Infinity of `x` (rows of `shape`). */
export function checkFiniteRows(x: ArrayLike<number>, shape: readonly number[], where: string, field: string): void {
  const bad = indexOfNonFinite(x);
  if (bad >= 0) throw rangeError(where, field, 'must hold finite numbers', `${x[bad]} at ${position(bad, shape)}`);
}
