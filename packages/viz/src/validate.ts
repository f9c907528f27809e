// Input checks shared by the figures. Errors name the figure, the field and what was expected vs found, in the
// shape of @manifold-mixup/errors: a TypeError for a value of the wrong kind, a RangeError for one not allowed.
import { describeFound, numberError, rangeError, typeError } from '@manifold-mixup/errors';

// Re-exported so that the figures keep importing them from here (typeError: fail's flag for a wrong kind).
export { describeFound, typeError };

/**
 * Throws `make(figure, field, expected, found)`: a RangeError unless `typeError` is passed for a value of the
 * wrong kind. `expected` starts with its verb ("must be an object").
 */
export function fail(
  figure: string,
  field: string,
  expected: string,
  found: string,
  make: typeof rangeError | typeof typeError = rangeError,
): never {
  throw make(figure, field, expected, found);
}

export function nonEmptyArray<T>(figure: string, field: string, value: readonly T[] | undefined): readonly T[] {
  if (!Array.isArray(value)) fail(figure, field, 'must be an array', describeFound(value), typeError);
  if (value.length === 0) fail(figure, field, 'must not be empty', 'an empty array');
  return value;
}

export function arrayLike(
  figure: string,
  field: string,
  value: ArrayLike<number> | undefined,
  length?: number,
): ArrayLike<number> {
  if (value === null || typeof value !== 'object' || typeof (value as ArrayLike<number>).length !== 'number') {
    fail(figure, field, 'must be an array of numbers', describeFound(value), typeError);
  }
  if (length !== undefined && value.length !== length)
    fail(figure, field, `must have length ${length}`, `length ${value.length}`);
  return value;
}

/** Every entry finite (and inside [min, max] when given); reports the first offending index. */
export function finiteValues(
  figure: string,
  field: string,
  values: ArrayLike<number>,
  min = -Infinity,
  max = Infinity,
): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) throw numberError(figure, `${field}[${i}]`, 'must be a finite number', v);
    if (v < min || v > max) fail(figure, `${field}[${i}]`, `must be in [${min}, ${max}]`, String(v));
  }
}

export function finiteNumber(figure: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw numberError(figure, field, 'must be a finite number', value);
  return value;
}

export function positiveInteger(figure: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0)
    throw numberError(figure, field, 'must be a positive integer', value);
  return value;
}

export function nonNegativeInteger(figure: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw numberError(figure, field, 'must be a non-negative integer', value);
  return value;
}

export function positiveNumber(figure: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    throw numberError(figure, field, 'must be a positive finite number', value);
  return value;
}

/** Checks the options every figure shares (rendered size, title) and that options is an object. */
export function figureOptions(figure: string, options: unknown): void {
  if (options === null || typeof options !== 'object')
    fail(figure, 'options', 'must be an object', describeFound(options), typeError);
  const o = options as { title?: unknown; subtitle?: unknown; width?: unknown; height?: unknown };
  if (o.width !== undefined) positiveNumber(figure, 'options.width', o.width);
  if (o.height !== undefined) positiveNumber(figure, 'options.height', o.height);
  if (o.title !== undefined && typeof o.title !== 'string')
    fail(figure, 'options.title', 'must be a string', describeFound(o.title), typeError);
  if (o.subtitle !== undefined && typeof o.subtitle !== 'string')
    fail(figure, 'options.subtitle', 'must be a string', describeFound(o.subtitle), typeError);
}
