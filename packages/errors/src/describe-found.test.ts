import { describe, expect, it } from 'vitest';
import { describeFound } from './describe-found.js';

describe('describeFound', () => {
  it('gives numbers as they print, NaN and infinities included', () => {
    expect(describeFound(2.5)).toBe('2.5');
    expect(describeFound(NaN)).toBe('NaN');
    expect(describeFound(-Infinity)).toBe('-Infinity');
  });

  it('gives arrays and typed arrays by kind and length, not contents', () => {
    expect(describeFound([1, 2])).toBe('an array of length 2');
    expect(describeFound([])).toBe('an array of length 0');
    expect(describeFound(new Float32Array(3))).toBe('a Float32Array of length 3');
    expect(describeFound(new Uint8Array(0))).toBe('a Uint8Array of length 0');
    expect(describeFound(new Int32Array(2))).toBe('an Int32Array of length 2');
    expect(describeFound(new DataView(new ArrayBuffer(4)))).toBe('a DataView of 4 bytes');
  });

  it('tells null from undefined, and gives anything else by its type', () => {
    expect(describeFound(null)).toBe('null');
    expect(describeFound(undefined)).toBe('undefined');
    expect(describeFound('3')).toBe('string');
    expect(describeFound({ x: 1 })).toBe('object');
    expect(describeFound(true)).toBe('boolean');
    expect(describeFound(() => 1)).toBe('function');
  });
});
