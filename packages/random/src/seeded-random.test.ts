import { describe, expect, it } from 'vitest';
import { mulberry32, SeededRandom } from './seeded-random.js';

describe('mulberry32 / SeededRandom', () => {
  it('reproduces the reference implementation for seed 0', () => {
    const random = mulberry32(0);
    expect(random()).toBe(0.26642920868471265);
    expect(random()).toBe(0.0003297457005828619);
    expect(random()).toBe(0.2232720274478197);
  });

  it('is one stream: mulberry32(seed) draws what new SeededRandom(seed).next draws', () => {
    const f = mulberry32(2 ** 32 + 5); // the seed is taken modulo 2^32
    const g = new SeededRandom(5);
    for (let i = 0; i < 100; i++) expect(f()).toBe(g.next());
  });

  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const sa = Array.from({ length: 20 }, a);
    expect(Array.from({ length: 20 }, b)).toEqual(sa);
    expect(Array.from({ length: 20 }, c)).not.toEqual(sa);
  });

  it('resumes exactly from a saved state', () => {
    const r = new SeededRandom(0);
    r.next();
    const saved = r.state;
    const next = [r.next(), r.next()];
    const resumed = new SeededRandom(123);
    resumed.state = saved;
    expect([resumed.next(), resumed.next()]).toEqual(next);
  });

  it('yields values in [0, 1) with mean about 1/2 and variance about 1/12', () => {
    const random = mulberry32(123);
    let sum = 0;
    let sumSquares = 0;
    let outside = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const v = random();
      if (!(v >= 0 && v < 1)) outside++;
      sum += v;
      sumSquares += v * v;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(sumSquares / n - mean * mean).toBeCloseTo(1 / 12, 2);
  });

  it('rejects a non-finite seed, naming the caller', () => {
    expect(() => mulberry32(Number.NaN)).toThrow(/^mulberry32: seed must be a finite number, found NaN$/);
    expect(() => new SeededRandom(Infinity)).toThrow(/^SeededRandom: seed must be a finite number, found Infinity$/);
    expect(() => mulberry32(-Infinity)).toThrow(RangeError);
  });
});
