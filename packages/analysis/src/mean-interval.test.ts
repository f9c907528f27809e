import { describe, expect, it } from 'vitest';
import { meanInterval, verdictOf } from './mean-interval.js';

describe('meanInterval', () => {
  it('is mean ± t(0.975, n − 1)·sd/√n', () => {
    // values 1..5: mean 3, sd √2.5, t(0.975, 4) = 2.7764451
    const r = meanInterval([1, 2, 3, 4, 5]);
    const half = 2.7764451 * Math.sqrt(2.5 / 5);
    expect(r.mean).toBe(3);
    expect(r.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(r.low).toBeCloseTo(3 - half, 6);
    expect(r.high).toBeCloseTo(3 + half, 6);
    expect(r.n).toBe(5);
  });

  it('honours the level', () => {
    const r90 = meanInterval([1, 2, 3, 4, 5], 0.9);
    expect(r90.high - r90.mean).toBeCloseTo(2.1318468 * Math.sqrt(0.5), 6);
  });

  it('gives no interval for one value', () => {
    const r = meanInterval([0.3]);
    expect(r.mean).toBe(0.3);
    expect(Number.isNaN(r.low) && Number.isNaN(r.high) && Number.isNaN(r.sd)).toBe(true);
    expect(verdictOf(r)).toBe('inconclusive');
  });

  it('rejects empty or non-finite input, naming the index', () => {
    expect(() => meanInterval([])).toThrow(/non-empty array/);
    expect(() => meanInterval([1, NaN])).toThrow(/values\[1\] must be a finite number, found NaN/);
    expect(() => meanInterval([1, 2], 1)).toThrow(/level must lie in \(0, 1\)/);
  });

  it('throws a TypeError for a wrong kind of input and a RangeError for a value out of range', () => {
    expect(() => meanInterval({ length: 2 } as never)).toThrow(
      new TypeError('meanInterval: values must be a non-empty array of finite numbers, found object'),
    );
    expect(() => meanInterval([])).toThrow(RangeError);
    expect(() => meanInterval([1, '2'] as never)).toThrow(
      new TypeError('meanInterval: values[1] must be a finite number, found string'),
    );
    expect(() => meanInterval([1, Infinity])).toThrow(RangeError);
    expect(() => meanInterval([1, 2], 0)).toThrow(RangeError);
  });
});

describe('verdictOf', () => {
  it('supported above zero, contradicted below, inconclusive across', () => {
    expect(verdictOf({ low: 0.01, high: 2 })).toBe('supported');
    expect(verdictOf({ low: -2, high: -0.01 })).toBe('contradicted');
    expect(verdictOf({ low: -1, high: 1 })).toBe('inconclusive');
    expect(verdictOf({ low: 0, high: 1 })).toBe('inconclusive');
  });
});
