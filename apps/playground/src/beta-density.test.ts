import { describe, expect, it } from 'vitest';
import { betaCurve, betaDensity, logGamma } from './beta-density.js';

describe('Beta(α, α) density', () => {
  it('ln Γ matches known values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(0.05)).toBeCloseTo(2.968879201, 8);
  });

  it('is uniform at α = 1, 6λ(1 − λ) at α = 2, and integrates to 1', () => {
    expect(betaDensity(1, 0.3)).toBeCloseTo(1, 12);
    expect(betaDensity(2, 0.3)).toBeCloseTo(6 * 0.3 * 0.7, 12);
    for (const alpha of [0.7, 1, 4]) {
      const n = 20000;
      let integral = 0;
      for (let i = 0; i < n; i++) integral += betaDensity(alpha, (i + 0.5) / n) / n;
      expect(integral).toBeCloseTo(1, alpha < 1 ? 2 : 4);
    }
  });

  it('piles up at the ends for α < 1 and in the middle for α > 1', () => {
    const small = betaCurve(0.2, 11);
    expect(small[0][1]).toBeGreaterThan(small[5][1]);
    const large = betaCurve(5, 11);
    expect(large[5][1]).toBeGreaterThan(large[0][1]);
    expect(large.map(([l]) => l)).toEqual(Array.from({ length: 11 }, (_, i) => (i + 0.5) / 11));
  });
});
