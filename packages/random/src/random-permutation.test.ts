import { describe, expect, it } from 'vitest';
import { randomPermutation } from './random-permutation.js';
import { mulberry32 } from './seeded-random.js';

describe('randomPermutation', () => {
  it('draws a known permutation for a known stream', () => {
    expect(Array.from(randomPermutation(5, mulberry32(1)))).toEqual([4, 2, 1, 0, 3]);
  });

  it('is a permutation of 0..n-1, deterministic per stream, and actually shuffles', () => {
    const p = randomPermutation(1000, mulberry32(9));
    expect(p).toBeInstanceOf(Int32Array);
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(randomPermutation(1000, mulberry32(9))).toEqual(p);
    expect(randomPermutation(1000, mulberry32(10))).not.toEqual(p);
    expect(Array.from(p).filter((v, i) => v === i).length).toBeLessThan(10);
  });

  it('writes into the given Int32Array or Uint32Array, the same permutation either way', () => {
    const out = new Uint32Array(1000);
    expect(randomPermutation(1000, mulberry32(9), out)).toBe(out);
    expect(Array.from(out)).toEqual(Array.from(randomPermutation(1000, mulberry32(9))));
  });

  it('handles 0 and 1 without drawing and rejects a bad n or a short out', () => {
    const random = (): number => {
      throw new Error('drew');
    };
    expect(randomPermutation(0, random).length).toBe(0);
    expect(Array.from(randomPermutation(1, random))).toEqual([0]);
    expect(() => randomPermutation(-1, random)).toThrow(
      /^randomPermutation: n must be a non-negative integer, found -1$/,
    );
    expect(() => randomPermutation(3, random, new Int32Array(2))).toThrow(
      /^randomPermutation: out must hold n = 3 indices, found length 2$/,
    );
    expect(() => randomPermutation(2.5, random)).toThrow(RangeError);
    expect(() => randomPermutation(3, random, new Uint32Array(1))).toThrow(RangeError);
  });
});
