// Checks of the options objects that predict, evaluate, activations and fit take: TypeError for a
// value of the wrong type (or an unknown key), RangeError for a number out of range, each naming
// the function and the option in the shape of @manifold-mixup/errors.
import { rangeError, typeError } from '@manifold-mixup/errors';

/** What a value is, for "found ..." in messages: `the number 100`, `a string`, `null`, ... */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return `the number ${value}`;
  const type = typeof value;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** `value` for "found ...": numbers as they are, strings quoted and typed, anything else by kind. */
export function found(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `${JSON.stringify(value.slice(0, 40))} (a string)`;
  return kindOf(value);
}

/**
 * The error for `value` where one of a few strings belongs (`requirement` lists them): a RangeError
 * quoting another string, a TypeError naming anything that is not a string.
 */
export function choiceError(where: string, field: string, requirement: string, value: unknown): RangeError | TypeError {
  return typeof value === 'string'
    ? rangeError(where, field, requirement, JSON.stringify(value.slice(0, 40)))
    : typeError(where, field, requirement, found(value));
}

/**
 * `value` as the options object of `where` (undefined: none given, unless `required`), holding no
 * key outside `known`. `example` shows one; `hint` is appended to the type error (e.g. what a
 * former positional argument became). Nested objects are named `prefix.key`.
 */
export function optionsObject(
  value: unknown,
  where: string,
  known: readonly string[],
  {
    example,
    hint = '',
    required = false,
    prefix = '',
  }: { example: string; hint?: string; required?: boolean; prefix?: string },
): Record<string, unknown> {
  if (value === undefined && !required) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const field = prefix === '' ? 'options' : `options.${prefix}`;
    throw typeError(where, field, `must be an object such as ${example}`, `${kindOf(value)}${hint}`);
  }
  const unknown = Object.keys(value).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    // Several keys at once, with the valid ones: its own wording, still `<where>: ` first.
    const names = unknown.map((key) => JSON.stringify(`${prefix === '' ? '' : `${prefix}.`}${key}`)).join(', ');
    throw new TypeError(
      `${where}: unknown option${unknown.length > 1 ? 's' : ''} ${names} (valid options: ${known.join(', ')})`,
    );
  }
  return value as Record<string, unknown>;
}

/** An integer option >= `min` (0 or 1) of `where`: TypeError when not a number, RangeError when out of range. */
export function integerOption(value: unknown, where: string, field: string, min: 0 | 1): number {
  const requirement = `must be a ${min === 0 ? 'non-negative' : 'positive'} integer`;
  if (typeof value !== 'number') throw typeError(where, field, requirement, found(value));
  if (!Number.isInteger(value) || value < min) throw rangeError(where, field, requirement, found(value));
  return value;
}

/** A finite positive number option of `where`: TypeError when not a number, RangeError otherwise. */
export function positiveNumberOption(value: unknown, where: string, field: string): number {
  const requirement = 'must be a finite positive number';
  if (typeof value !== 'number') throw typeError(where, field, requirement, found(value));
  if (!(value > 0) || !Number.isFinite(value)) throw rangeError(where, field, requirement, found(value));
  return value;
}
