import { describe, expect, it } from 'vitest';
import { spectrumSummary, theoremOneBound } from './spectrum-summary.js';

describe('spectrumSummary', () => {
  it('computes the largest value and the sum of the others regardless of order', () => {
    const summary = spectrumSummary([1, 3, 2]);
    expect(summary.largest).toBe(3);
    expect(summary.sumOfOthers).toBe(3);
  });

  it('effective rank is k for k equal values, 1 for rank one, and between for a decaying spectrum', () => {
    expect(spectrumSummary([2, 2, 2, 2]).effectiveRank).toBeCloseTo(4, 12);
    expect(spectrumSummary([5, 0, 0]).effectiveRank).toBe(1);
    const p = [0.5, 0.25, 0.25];
    const expected = Math.exp(-p.reduce((h, x) => h + x * Math.log(x), 0));
    expect(spectrumSummary([2, 1, 1]).effectiveRank).toBeCloseTo(expected, 12);
    expect(spectrumSummary([0, 0]).effectiveRank).toBe(0);
    expect(spectrumSummary([])).toEqual({ largest: 0, sumOfOthers: 0, effectiveRank: 0, significantDirections: 0 });
  });

  it('counts directions strictly above the relative threshold', () => {
    const sv = [100, 50, 1.5, 1, 0.5, 0];
    expect(spectrumSummary(sv).significantDirections).toBe(3); // 1 is not > 0.01 * 100
    expect(spectrumSummary(sv, { relativeThreshold: 0.1 }).significantDirections).toBe(2);
    expect(spectrumSummary(sv, { relativeThreshold: 0 }).significantDirections).toBe(5);
  });

  it('rejects negative or non-finite values and bad thresholds', () => {
    expect(() => spectrumSummary([1, -1])).toThrow(/singular value 1/);
    expect(() => spectrumSummary([NaN])).toThrow(/singular value 0/);
    expect(() => spectrumSummary([1], { relativeThreshold: 1 })).toThrow(/relativeThreshold/);
  });
});

describe('theoremOneBound', () => {
  it('is dim - classes + 1 (3 for the 12-D bottleneck with 10 classes)', () => {
    expect(theoremOneBound(12, 10)).toBe(3);
    expect(theoremOneBound(2, 3)).toBe(0);
    expect(() => theoremOneBound(5, 10)).toThrow(/dim=5, classes=10/);
  });
});

describe('argument checks, at their boundaries', () => {
  it('spectrumSummary takes a threshold in [0, 1)', () => {
    expect(() => spectrumSummary([1], { relativeThreshold: -0.1 })).toThrow(/relativeThreshold must be in \[0, 1\)/);
  });

  it('theoremOneBound takes integers with classes >= 2 and dim >= classes - 1', () => {
    expect(theoremOneBound(9, 10)).toBe(0);
    expect(theoremOneBound(3, 2)).toBe(2);
    for (const [dim, classes] of [
      [12.5, 10],
      [12, 2.5],
      [12, 1],
      [8, 10],
    ]) {
      expect(() => theoremOneBound(dim, classes), `${dim}, ${classes}`).toThrow(`found dim=${dim}, classes=${classes}`);
    }
  });
});
