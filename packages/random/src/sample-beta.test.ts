import { describe, expect, it } from 'vitest';
import { moments } from './__fixtures__/moments.js';
import { sampleBeta } from './sample-beta.js';
import { mulberry32 } from './seeded-random.js';

describe('sampleBeta', () => {
  it('draws known values for a known stream', () => {
    const random = mulberry32(42);
    expect(sampleBeta(0.2, random)).toBe(0.1485143414945679);
    expect(sampleBeta(2, random)).toBe(0.1097801693571203);
    expect(sampleBeta(1, random, 3)).toBe(0.044183352491027464);
  });

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

  it('depends on alpha: small alphas push draws to 0 and 1, large ones to 1/2', () => {
    const rng = mulberry32(5);
    const small = moments(Array.from({ length: 20000 }, () => sampleBeta(0.2, rng))).variance;
    const large = moments(Array.from({ length: 20000 }, () => sampleBeta(4, rng))).variance;
    expect(small).toBeGreaterThan(0.15); // 1/(4*1.4) = 0.179; uniform would be 0.083
    expect(large).toBeLessThan(0.04); // 1/36 = 0.028
  });

  it('supports an asymmetric Beta(a, b): mean a/(a+b)', () => {
    const rng = mulberry32(1);
    const { mean } = moments(Array.from({ length: 20000 }, () => sampleBeta(2, rng, 6)));
    expect(mean).toBeCloseTo(0.25, 2);
  });

  it("names its own parameters, not the Gamma sampler's, when they are not positive finite numbers", () => {
    expect(() => sampleBeta(0, Math.random)).toThrow(
      new RangeError('sampleBeta: alpha must be a positive finite number, found 0'),
    );
    expect(() => sampleBeta(Infinity, Math.random)).toThrow(
      new RangeError('sampleBeta: alpha must be a positive finite number, found Infinity'),
    );
    expect(() => sampleBeta(1, Math.random, -2)).toThrow(
      new RangeError('sampleBeta: beta must be a positive finite number, found -2'),
    );
  });
});
