import { describe, expect, it } from 'vitest';
import { numberedSet, originalIndices } from './__fixtures__/sets.js';
import { holdOutLast } from './hold-out-last.js';

describe('holdOutLast', () => {
  it('keeps the first n - count for training and the last count for validation, in order', () => {
    const { train, validation } = holdOutLast(numberedSet(10), 3);
    expect(originalIndices(train)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(originalIndices(validation)).toEqual([7, 8, 9]);
    expect(Array.from(validation.y)).toEqual([1, 2, 0]);
    expect(validation.numClasses).toBe(3);
  });

  it('rejects a count larger than the set', () => {
    expect(() => holdOutLast(numberedSet(10), 11)).toThrow(/count must be an integer in \[0, 10\], found 11/);
    expect(() => holdOutLast(numberedSet(10), -1)).toThrow(RangeError);
  });
});
