import { describe, expect, it } from 'vitest';
import { shuffledIndices } from './shuffled-indices.js';

describe('shuffledIndices', () => {
  it('is a permutation of 0..n-1', () => {
    const p = shuffledIndices(1000, 9);
    expect(p).toBeInstanceOf(Uint32Array);
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('is deterministic per seed, differs between seeds and actually shuffles', () => {
    const p = shuffledIndices(1000, 9);
    expect(shuffledIndices(1000, 9)).toEqual(p);
    expect(shuffledIndices(1000, 10)).not.toEqual(p);
    const fixedPoints = Array.from(p).filter((v, i) => v === i).length;
    expect(fixedPoints).toBeLessThan(10);
  });

  it('handles 0 and 1 and rejects bad n', () => {
    expect(shuffledIndices(0, 1).length).toBe(0);
    expect(Array.from(shuffledIndices(1, 1))).toEqual([0]);
    expect(() => shuffledIndices(-1, 1)).toThrow(/n must be an integer in \[0, 2\^32\), found -1/);
  });
});
