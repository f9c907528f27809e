import { describe, expect, it } from 'vitest';
import { mulberry32, randomPermutation, sampleBeta, sampleGamma, SeededRandom } from './random.js';

function moments(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

describe('SeededRandom', () => {
  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const drawsA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(drawsA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(drawsA);
    for (const v of drawsA) expect(v >= 0 && v < 1).toBe(true);
  });

  it('uses seed 0 as a real seed and resumes exactly from a saved state', () => {
    const r = new SeededRandom(0);
    r.next();
    const saved = r.state;
    const next = [r.next(), r.next()];
    const resumed = new SeededRandom(0);
    resumed.state = saved;
    expect([resumed.next(), resumed.next()]).toEqual(next);
    expect(new SeededRandom(0).next()).not.toBe(new SeededRandom(1).next());
  });

  it('is uniform: mean 1/2, variance 1/12', () => {
    const rng = mulberry32(3);
    const { mean, variance } = moments(Array.from({ length: 50000 }, rng));
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
  });
});

describe('sampleGamma', () => {
  for (const shape of [0.1, 0.5, 1, 2, 4]) {
    it(`Gamma(${shape}, 1) has mean and variance ${shape}`, () => {
      const rng = mulberry32(11);
      const { mean, variance } = moments(Array.from({ length: 40000 }, () => sampleGamma(shape, rng)));
      expect(Math.abs(mean - shape)).toBeLessThan(0.05 * Math.max(1, shape));
      expect(Math.abs(variance - shape) / shape).toBeLessThan(0.1);
    });
  }
  it('rejects a non-positive shape, naming it', () => {
    expect(() => sampleGamma(0, Math.random)).toThrow(/shape must be a positive finite number, found 0/);
  });
});

describe('sampleBeta', () => {
  for (const a of [0.1, 0.2, 1, 2, 4]) {
    it(`Beta(${a}, ${a}) has mean 1/2 and variance 1/(4(2a+1))`, () => {
      const rng = mulberry32(42);
      const draws = Array.from({ length: 40000 }, () => sampleBeta(a, rng));
      expect(draws.every((d) => d >= 0 && d <= 1)).toBe(true);
      const { mean, variance } = moments(draws);
      const expected = 1 / (4 * (2 * a + 1));
      expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
      expect(Math.abs(variance - expected) / expected).toBeLessThan(0.05);
    });
  }

  it('is not uniform whatever alpha is (the shape/rate bug elsewhere)', () => {
    const rng = mulberry32(5);
    const small = moments(Array.from({ length: 20000 }, () => sampleBeta(0.2, rng))).variance;
    const large = moments(Array.from({ length: 20000 }, () => sampleBeta(4, rng))).variance;
    expect(small).toBeGreaterThan(0.15); // 1/(4*1.4) = 0.179; uniform would be 0.083
    expect(large).toBeLessThan(0.04); // 1/36 = 0.028
  });

  it('gives the same draws for the same seed', () => {
    const a = mulberry32(9);
    const b = mulberry32(9);
    const first = Array.from({ length: 20 }, () => sampleBeta(1, a));
    expect(Array.from({ length: 20 }, () => sampleBeta(1, b))).toEqual(first);
    expect(new Set(first).size).toBe(20);
  });

  it('supports an asymmetric Beta(a, b): mean a/(a+b)', () => {
    const rng = mulberry32(1);
    const { mean } = moments(Array.from({ length: 20000 }, () => sampleBeta(2, rng, 6)));
    expect(mean).toBeCloseTo(0.25, 2);
  });
});

describe('randomPermutation', () => {
  it('is a permutation, deterministic per seed', () => {
    const p = randomPermutation(50, mulberry32(1));
    expect(Array.from(p).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(randomPermutation(50, mulberry32(1))).toEqual(p);
    expect(randomPermutation(50, mulberry32(2))).not.toEqual(p);
  });
});
