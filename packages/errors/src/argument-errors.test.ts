import { describe, expect, it } from 'vitest';
import { rangeError, typeError } from './argument-errors.js';

describe('typeError and rangeError', () => {
  it('build a TypeError with the shared message, for a wrong kind of argument', () => {
    const error = typeError('parseIdx', 'bytes', 'must be a Uint8Array or an ArrayBuffer', 'null');
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('parseIdx: bytes must be a Uint8Array or an ArrayBuffer, found null');
    expect(error.name).toBe('TypeError');
  });

  it('build a RangeError with the shared message, for a value out of range', () => {
    const error = rangeError('oneHot', 'numClasses', 'must be a positive integer', '0');
    expect(error).toBeInstanceOf(RangeError);
    expect(error).not.toBeInstanceOf(TypeError);
    expect(error.message).toBe('oneHot: numClasses must be a positive integer, found 0');
    expect(error.name).toBe('RangeError');
  });

  it('return the error for the caller to throw, so the stack starts at the caller', () => {
    function caller(): never {
      throw rangeError('caller', 'n', 'must be >= 0', '-1');
    }
    expect(caller).toThrow(RangeError);
    expect(caller).toThrow('caller: n must be >= 0, found -1');
  });
});
