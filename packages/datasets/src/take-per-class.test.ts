import { describe, expect, it } from 'vitest';
import { numberedSet, originalIndices } from './__fixtures__/sets.js';
import { takePerClass } from './take-per-class.js';

function histogram(labels: Uint8Array): number[] {
  const h = [0, 0, 0];
  for (const l of labels) h[l]++;
  return h;
}

describe('takePerClass', () => {
  it('without a seed takes the first perClass of each class, in original order', () => {
    const t = takePerClass(numberedSet(30), 2);
    expect(originalIndices(t)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('with a seed takes a deterministic random choice of perClass per class, in original order', () => {
    const set = numberedSet(300);
    const a = takePerClass(set, 10, { seed: 1 });
    expect(histogram(a.y)).toEqual([10, 10, 10]);
    const indices = originalIndices(a);
    expect(indices).toEqual([...indices].sort((p, q) => p - q));
    expect(indices.some((i) => i >= 30)).toBe(true);
    expect(originalIndices(takePerClass(set, 10, { seed: 1 }))).toEqual(indices);
    expect(originalIndices(takePerClass(set, 10, { seed: 2 }))).not.toEqual(indices);
  });

  it('takes all of a class that has fewer than perClass', () => {
    const set = numberedSet(10, 3, (i) => (i < 8 ? 0 : 1));
    expect(histogram(takePerClass(set, 5).y)).toEqual([5, 2, 0]);
  });

  it('rejects a perClass that is not a non-negative integer with a RangeError naming it', () => {
    expect(() => takePerClass(numberedSet(10), -1)).toThrow(
      new RangeError('takePerClass: perClass must be a non-negative integer, found -1'),
    );
    expect(() => takePerClass(numberedSet(10), 0.5)).toThrow(RangeError);
  });
});
