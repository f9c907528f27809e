import { describe, expect, it } from 'vitest';
import { numberError, rangeError, typeError } from './argument-errors.js';

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

  it('numberError: a RangeError for a number not allowed, a TypeError for anything that is not a number', () => {
    const nan = numberError('f', 'options.width', 'must be a positive finite number', NaN);
    expect(nan).toBeInstanceOf(RangeError);
    expect(nan.message).toBe('f: options.width must be a positive finite number, found NaN');
    const text = numberError('f', 'options.width', 'must be a positive finite number', '3');
    expect(text).toBeInstanceOf(TypeError);
    expect(text.message).toBe('f: options.width must be a positive finite number, found string');
    expect(numberError('f', 'n', 'must be an integer', [1])).toBeInstanceOf(TypeError);
    expect(numberError('f', 'n', 'must be an integer', undefined).message).toBe(
      'f: n must be an integer, found undefined',
    );
  });
});
