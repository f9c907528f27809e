import { describe, expect, it } from 'vitest';
import { meanInterval } from './mean-interval.js';
import { pairedSummary } from './paired-summary.js';

describe('pairedSummary', () => {
  it("is meanInterval's interval plus d_z, relative change and agreeing seeds", () => {
    const d = [1, 1.5, 0.5, 1, 1.5];
    const r = pairedSummary(d, { reference: [10, 12, 8, 11, 14] });
    expect(r).toMatchObject(meanInterval(d));
    expect(r.mean).toBeCloseTo(1.1, 15);
    expect(r.sd).toBeCloseTo(Math.sqrt(0.175), 15); // squared deviations 0.01, 0.16, 0.36, 0.01, 0.16 over 4
    expect(r.dz).toBeCloseTo(1.1 / Math.sqrt(0.175), 12);
    expect(r.referenceMean).toBe(11);
    expect(r.relativeChange).toBeCloseTo(0.1, 15);
    expect(r.agreeing).toBe(5);
    expect(r.n).toBe(5);
  });

  it('honours the level', () => {
    expect(pairedSummary([1, 2, 3, 4, 5], { level: 0.9 })).toMatchObject(meanInterval([1, 2, 3, 4, 5], 0.9));
  });

  it('counts only seeds strictly on the side of the mean', () => {
    const r = pairedSummary([2, -1, 3, 0]); // mean 1
    expect(r.agreeing).toBe(2);
    expect(r.referenceMean).toBeNull();
    expect(r.relativeChange).toBeNull();
    expect(pairedSummary([1, -1]).agreeing).toBe(0); // mean 0: no side
    expect(pairedSummary([-0.5, -0.25, 0.1]).agreeing).toBe(2);
  });

  it('gives d_z = ±Infinity for equal non-zero differences, NaN for zeros and for one seed', () => {
    const r = pairedSummary([0.1, 0.1, 0.1]);
    expect(r.sd).toBeGreaterThan(0); // a rounding residue: mean / sd would be 5.9e15
    expect(r.sd).toBeLessThan(1e-15);
    expect(r.dz).toBe(Infinity);
    expect(pairedSummary([-0.2, -0.2]).dz).toBe(-Infinity);
    expect(pairedSummary([0, 0, 0]).dz).toBeNaN();
    expect(pairedSummary([0.3]).dz).toBeNaN();
    expect(pairedSummary([-2, 2]).dz).toBe(0);
  });

  it('lets IEEE division speak for a reference whose mean is 0', () => {
    expect(pairedSummary([1, 2], { reference: [1, -1] }).relativeChange).toBe(Infinity);
    expect(pairedSummary([1, -1], { reference: [0, 0] }).relativeChange).toBeNaN();
  });

  it('rejects bad differences or references, naming the field', () => {
    expect(() => pairedSummary([1, Infinity])).toThrow(
      new RangeError('pairedSummary: differences[1] must be a finite number, found Infinity'),
    );
    expect(() => pairedSummary([1, 2], { reference: [1] })).toThrow(
      new RangeError(
        'pairedSummary: options.reference must hold one value per difference (2), found an array of length 1',
      ),
    );
    expect(() => pairedSummary([1, 2], { reference: [1, NaN] })).toThrow(
      new RangeError('pairedSummary: options.reference[1] must be a finite number, found NaN'),
    );
    expect(() => pairedSummary([1, 2], { reference: 'x' as never })).toThrow(TypeError);
    expect(() => pairedSummary([1, 2], { level: 2 })).toThrow(
      new RangeError('pairedSummary: options.level must lie in (0, 1), found 2'),
    );
  });
});
