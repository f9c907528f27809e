import { describe, expect, it } from 'vitest';
import { oneHot } from './one-hot.js';

describe('oneHot', () => {
  it('puts a single 1 at each label column', () => {
    expect(Array.from(oneHot([2, 0, 1], 3))).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0]);
    expect(oneHot(new Uint8Array(0), 10).length).toBe(0);
  });

  it('rejects labels outside [0, numClasses) and a bad numClasses', () => {
    expect(() => oneHot([0, 3], 3)).toThrow(/labels\[1\] must be an integer in \[0, 3\), found 3/);
    expect(() => oneHot([0.5], 3)).toThrow(/found 0.5/);
    expect(() => oneHot([0], 0)).toThrow(/numClasses must be a positive integer, found 0/);
    expect(() => oneHot([0], 2.5)).toThrow(RangeError);
    expect(() => oneHot([-1], 3)).toThrow(new RangeError('oneHot: labels[0] must be an integer in [0, 3), found -1'));
  });
});
