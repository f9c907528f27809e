import { describe, expect, it } from 'vitest';
import { numberedSet, originalIndices } from './__fixtures__/sets.js';
import { subset } from './subset.js';

describe('subset', () => {
  it('copies the chosen rows and labels in the given order, keeping shape and numClasses', () => {
    const set = numberedSet(10);
    const s = subset(set, [7, 2, 2, 9]);
    expect(s.n).toBe(4);
    expect(originalIndices(s)).toEqual([7, 2, 2, 9]);
    expect(Array.from(s.y)).toEqual([1, 2, 2, 0]);
    expect(s.shape).toEqual([2]);
    expect(s.numClasses).toBe(3);
    s.x[0] = 100;
    expect(set.x[14]).toBe(7);
  });

  it('rejects an index out of range, naming it', () => {
    expect(() => subset(numberedSet(3), [0, 3])).toThrow(/indices\[1\] must be an integer in \[0, 3\), found 3/);
    expect(() => subset(numberedSet(3), [1.5])).toThrow(
      new RangeError('subset: indices[0] must be an integer in [0, 3), found 1.5'),
    );
  });
});
