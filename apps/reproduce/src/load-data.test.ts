import { describe, expect, it } from 'vitest';
import { drawSubset } from './load-data.js';

describe('drawSubset', () => {
  it('draws distinct sorted indices, the same for the same seed and different for another', () => {
    const a = drawSubset(1000, 50, 3);
    expect(a).toHaveLength(50);
    expect(new Set(a).size).toBe(50);
    expect(a).toEqual([...a].sort((x, y) => x - y));
    expect(a.every((i) => i >= 0 && i < 1000)).toBe(true);
    expect(drawSubset(1000, 50, 3)).toEqual(a);
    expect(drawSubset(1000, 50, 4)).not.toEqual(a);
    expect(drawSubset(5, 5, 1)).toEqual([0, 1, 2, 3, 4]);
  });

  it('names the size it refuses', () => {
    expect(() => drawSubset(10, 11, 0)).toThrow('drawSubset: size must be an integer in [1, 10], found 11');
  });
});
