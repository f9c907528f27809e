import { describe, expect, it } from 'vitest';
import { sampleWithoutReplacement } from './sample-without-replacement.js';
import { mulberry32 } from './seeded-random.js';

describe('sampleWithoutReplacement', () => {
  it('draws a known sample for a known stream', () => {
    expect(Array.from(sampleWithoutReplacement(10, 3, mulberry32(42)))).toEqual([5, 6, 8]);
  });

  it('returns k distinct indices of 0..n-1 in ascending order, deterministic per stream', () => {
    const s = sampleWithoutReplacement(1000, 100, mulberry32(3));
    expect(s.length).toBe(100);
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThan(s[i - 1]);
    expect(s[s.length - 1]).toBeLessThan(1000);
    expect(sampleWithoutReplacement(1000, 100, mulberry32(3))).toEqual(s);
    expect(sampleWithoutReplacement(1000, 100, mulberry32(4))).not.toEqual(s);
  });

  it('picks every index about equally often', () => {
    const random = mulberry32(7);
    const counts = new Array<number>(10).fill(0);
    for (let trial = 0; trial < 20_000; trial++) for (const i of sampleWithoutReplacement(10, 3, random)) counts[i]++;
    for (const c of counts) expect(Math.abs(c - 6000)).toBeLessThan(300); // 20,000 * 3/10, sd ~ 65
  });

  it('draws exactly once per chosen index', () => {
    let draws = 0;
    const counting = (): number => {
      draws++;
      return 0.5;
    };
    sampleWithoutReplacement(10, 3, counting);
    expect(draws).toBe(3);
  });

  it('returns all of 0..n-1 without drawing when k >= n, and rejects a bad n or k', () => {
    const random = (): number => {
      throw new Error('drew');
    };
    expect(Array.from(sampleWithoutReplacement(4, 4, random))).toEqual([0, 1, 2, 3]);
    expect(Array.from(sampleWithoutReplacement(4, 9, random))).toEqual([0, 1, 2, 3]);
    // The edges: nothing to choose from, and nothing to choose.
    expect(Array.from(sampleWithoutReplacement(4, 0, random))).toEqual([]);
    expect(Array.from(sampleWithoutReplacement(0, 0, random))).toEqual([]);
    expect(Array.from(sampleWithoutReplacement(0, 3, random))).toEqual([]);
    expect(() => sampleWithoutReplacement(-1, 0, random)).toThrow(
      /^sampleWithoutReplacement: n must be a non-negative integer, found -1$/,
    );
    expect(() => sampleWithoutReplacement(1.5, 1, random)).toThrow(
      /^sampleWithoutReplacement: n must be a non-negative integer, found 1.5$/,
    );
    expect(() => sampleWithoutReplacement(4, -1, random)).toThrow(
      /^sampleWithoutReplacement: k must be a non-negative integer, found -1$/,
    );
    expect(() => sampleWithoutReplacement(4, 0.5, random)).toThrow(RangeError);
  });
});
