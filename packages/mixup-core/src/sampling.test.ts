import { describe, expect, it } from 'vitest';
import { ksStatistic } from './__fixtures__/observe.js';
import { mulberry32, randomPermutation, sampleNormal, SeededRandom } from '@manifold-mixup/random';

// Distributions of the samplers the training loop draws from (through @manifold-mixup/random's public API).

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 for erf, |error| < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

describe('samplers', () => {
  it('sampleNormal is standard normal (KS, 20000 draws)', () => {
    const rng = mulberry32(17);
    const draws = Array.from({ length: 20000 }, () => sampleNormal(rng));
    // 1% critical value 1.628 / sqrt(20000) = 0.0115. Deterministic (fixed seed).
    expect(ksStatistic(draws, normalCdf)).toBeLessThan(0.0115);
  });

  it('randomPermutation draws each of the 24 orders of 4 items equally often (chi-square)', () => {
    const rng = mulberry32(23);
    const counts = new Map<string, number>();
    const draws = 12000;
    for (let i = 0; i < draws; i++) {
      const key = randomPermutation(4, rng).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(24);
    const expected = draws / 24;
    const chi2 = [...counts.values()].reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(49.73); // 23 degrees of freedom, P = 0.001
    // It writes into the array it is given.
    const out = new Int32Array(3);
    expect(randomPermutation(3, rng, out)).toBe(out);
    expect([...out].sort()).toEqual([0, 1, 2]);
  });

  it('SeededRandom refuses a seed that is not a finite number, naming it', () => {
    expect(() => new SeededRandom(Number.NaN)).toThrow(/seed must be a finite number, found NaN/);
    expect(new SeededRandom(2 ** 32 + 5).state).toBe(5);
  });
});
