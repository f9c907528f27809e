import { describe, expect, it } from 'vitest';
import { flatteningOf, participationRatio } from './generalisation-analysis.js';

describe('participationRatio', () => {
  it('counts equal directions and is one for a single direction', () => {
    expect(participationRatio([2, 2, 2, 2])).toBeCloseTo(4, 12);
    expect(participationRatio([5, 0, 0])).toBe(1);
    expect(participationRatio([0, 0])).toBe(0);
  });

  it('is (Σσ²)² / Σσ⁴ and does not change when the layer is rescaled', () => {
    const sigma = [3, 2, 1];
    const lambda = sigma.map((s) => s * s);
    const expected = lambda.reduce((a, b) => a + b) ** 2 / lambda.reduce((a, b) => a + b * b, 0);
    expect(participationRatio(sigma)).toBeCloseTo(expected, 12);
    expect(participationRatio(sigma.map((s) => 10 * s))).toBeCloseTo(expected, 12);
  });
});

describe('flatteningOf', () => {
  it("averages over classes the participation ratio and §3.2's largest value and sum of the others", () => {
    const uncentred = Float32Array.from([4, 1, 0, 6, 2, 2]);
    const centred = Float32Array.from([1, 1, 0, 3, 0, 0]);
    const f = flatteningOf(uncentred, centred, 2);
    expect(f.perClassParticipationRatio).toEqual([2, 1]);
    expect(f.participationRatio).toBe(1.5);
    expect(f.uncentred).toEqual({ largest: 5, sumOfOthers: 2.5 });
    expect(f.centred).toEqual({ largest: 2, sumOfOthers: 0.5 });
  });
});
