import { mulberry32 } from '@manifold-mixup/random';
import { describe, expect, it } from 'vitest';
import { holm } from './holm.js';

describe('holm', () => {
  it('matches a hand-worked example, in input order', () => {
    // Sorted: 0.005 (×4 = 0.02), 0.01 (×3 = 0.03), 0.03 (×2 = 0.06), 0.04 (×1 = 0.04, raised to 0.06).
    const adjusted = holm([0.01, 0.04, 0.03, 0.005]);
    const expected = [0.03, 0.06, 0.06, 0.02];
    adjusted.forEach((a, i) => expect(a).toBeCloseTo(expected[i], 15));
  });

  it('caps at 1 and keeps the running maximum after the cap', () => {
    expect(holm([0.5, 0.6])).toEqual([1, 1]);
    expect(holm([0.2, 0.9, 0.01])).toEqual([0.4, 0.9, 0.03]);
  });

  it('leaves a single p-value alone and gives ties equal adjusted values', () => {
    expect(holm([0.037])).toEqual([0.037]);
    expect(holm([0.02, 0.02, 0.5])).toEqual([0.06, 0.06, 0.5]);
    expect(holm([])).toEqual([]);
  });

  it('is never below the raw p-value, never above 1 and keeps the order of the raw ones', () => {
    const rng = mulberry32(3);
    for (let trial = 0; trial < 200; trial++) {
      const p = Array.from({ length: 1 + Math.floor(rng() * 8) }, () => (rng() < 0.2 ? 0.05 : rng() ** 3));
      const adjusted = holm(p);
      p.forEach((raw, i) => {
        expect(adjusted[i]).toBeGreaterThanOrEqual(raw);
        expect(adjusted[i]).toBeLessThanOrEqual(1);
        p.forEach((other, j) => {
          if (raw <= other) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j]);
        });
      });
      // The smallest is multiplied by m exactly (or capped), as Bonferroni would.
      expect(Math.min(...adjusted)).toBe(Math.min(1, p.length * Math.min(...p)));
    }
  });

  it('rejects values that are not p-values', () => {
    expect(() => holm([0.1, 1.5])).toThrow(new RangeError('holm: pValues[1] must be a number in [0, 1], found 1.5'));
    expect(() => holm([NaN])).toThrow(RangeError);
    expect(() => holm(['0.1'] as never)).toThrow(
      new TypeError('holm: pValues[0] must be a number in [0, 1], found string'),
    );
    expect(() => holm(0.1 as never)).toThrow(new TypeError('holm: pValues must be an array of p-values, found 0.1'));
  });
});
