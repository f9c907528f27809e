import { describe, expect, it } from 'vitest';
import { incompleteBeta, studentTCdf, studentTQuantile } from './student-t.js';

describe('Student t', () => {
  it('gives the textbook 97.5% quantiles', () => {
    const table: Array<[number, number]> = [
      [1, 12.7062047],
      [2, 4.3026527],
      [4, 2.7764451],
      [9, 2.2621572],
      [30, 2.0422725],
      [1000, 1.9623391],
    ];
    for (const [df, q] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(q, 6);
  });

  it('is symmetric and inverts its CDF', () => {
    expect(studentTQuantile(0.025, 4)).toBeCloseTo(-2.7764451, 6);
    expect(studentTQuantile(0.5, 3)).toBe(0);
    for (const df of [1, 3, 7.5])
      for (const p of [0.6, 0.9, 0.995]) expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9);
  });

  it('matches the closed forms for df = 1 (Cauchy) and df = 2', () => {
    for (const t of [-3, -0.5, 0, 0.7, 4]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 10);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 10);
    }
  });

  it('incompleteBeta matches I_x(1, b) = 1 − (1 − x)^b and I_x(a, 1) = x^a', () => {
    expect(incompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 12);
    expect(incompleteBeta(0.8, 3, 1)).toBeCloseTo(0.8 ** 3, 12);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(/p must lie in \(0, 1\), found 1/);
    expect(() => studentTQuantile(0.9, 0)).toThrow(/df must be a positive finite number, found 0/);
    expect(() => studentTCdf(NaN, 3)).toThrow(/t must be a number/);
    expect(() => studentTQuantile(0, 3)).toThrow(RangeError);
    expect(() => studentTCdf(1, -1)).toThrow(
      new RangeError('studentTCdf: df must be a positive finite number, found -1'),
    );
  });
});
