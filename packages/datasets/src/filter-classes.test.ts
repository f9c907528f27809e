import { describe, expect, it } from 'vitest';
import { numberedSet, originalIndices } from './__fixtures__/sets.js';
import { filterClasses } from './filter-classes.js';

describe('filterClasses', () => {
  it('keeps examples of the given classes in order, without renumbering labels or numClasses', () => {
    const set = numberedSet(20, 10, (i) => i % 10);
    const f = filterClasses(set, [3, 7]);
    expect(originalIndices(f)).toEqual([3, 7, 13, 17]);
    expect(Array.from(f.y)).toEqual([3, 7, 3, 7]);
    expect(f.numClasses).toBe(10);
  });

  it('rejects a class outside [0, numClasses)', () => {
    expect(() => filterClasses(numberedSet(5), [3])).toThrow(/classes must be integers in \[0, 3\), found 3/);
    expect(() => filterClasses(numberedSet(5), [0, -1])).toThrow(RangeError);
  });
});
