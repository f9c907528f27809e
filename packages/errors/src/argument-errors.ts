import { argumentMessage } from './argument-message.js';

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
