import { argumentMessage } from './argument-message.js';
import { describeFound } from './describe-found.js';

// They return the error rather than throw it, so each call site reads `throw rangeError(...)` and
// TypeScript narrows after it as after any throw.

/** A TypeError for an argument of the wrong type, shape or kind (an object where an array belongs). */
export function typeError(where: string, field: string, requirement: string, found: string): TypeError {
  return new TypeError(argumentMessage(where, field, requirement, found));
}

/** A RangeError for an argument of the right type with a value it may not take (out of range, wrong length). */
export function rangeError(where: string, field: string, requirement: string, found: string): RangeError {
  return new RangeError(argumentMessage(where, field, requirement, found));
}

/**
 * The error for `value` where a number meeting `requirement` belongs: a TypeError when it is not a number at
 * all, else a RangeError (NaN, out of range, not an integer); `found` is `describeFound(value)`.
 */
export function numberError(where: string, field: string, requirement: string, value: unknown): TypeError | RangeError {
  return (typeof value === 'number' ? rangeError : typeError)(where, field, requirement, describeFound(value));
}
