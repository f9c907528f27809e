import { describeFound, numberError, rangeError, typeError } from '@manifold-mixup/errors';

/**
 * Checks that `values` is a non-empty array of finite numbers, naming `where` (the public function called)
 * and `field` (the argument, or its path inside one, e.g. `claims[2].differences`) in the error.
 * Not exported from the package: one check shared by the functions that take per-seed values.
 */
export function checkFiniteNumbers(where: string, field: string, values: unknown): asserts values is number[] {
  const nonEmpty = 'must be a non-empty array of finite numbers';
  if (!Array.isArray(values)) throw typeError(where, field, nonEmpty, describeFound(values));
  if (values.length === 0) throw rangeError(where, field, nonEmpty, 'an empty array');
  values.forEach((v: unknown, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw numberError(where, `${field}[${i}]`, 'must be a finite number', v);
  });
}
