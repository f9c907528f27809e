import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@manifold-mixup/random';
import { twoSpirals } from './two-spirals.js';

describe('twoSpirals', () => {
  it('has the seed defaults: 2000 points per class, shape [2], two classes, class 0 first', () => {
    const set = twoSpirals();
    expect(set.n).toBe(4000);
    expect(set.x.length).toBe(8000);
    expect(set.shape).toEqual([2]);
    expect(set.numClasses).toBe(2);
    expect(Array.from(set.y.subarray(0, 2000)).every((v) => v === 0)).toBe(true);
    expect(Array.from(set.y.subarray(2000)).every((v) => v === 1)).toBe(true);
  });

  it('follows the seed formula, drawing all angles, then all x noise, then all y noise', () => {
    const p = 5;
    const noise = 0.9;
    const set = twoSpirals({ pointsPerClass: p, noise, seed: 7 });
    const random = mulberry32(7);
    const draws = Array.from({ length: 3 * p }, random);
    for (let i = 0; i < p; i++) {
      const n = (Math.sqrt(draws[i]) * 780 * 2 * Math.PI) / 360;
      expect(set.x[2 * i]).toBeCloseTo(-Math.cos(n) * n + draws[p + i] * noise, 5);
      expect(set.x[2 * i + 1]).toBeCloseTo(Math.sin(n) * n + draws[2 * p + i] * noise, 5);
    }
  });

  it('makes class 1 the exact negation of class 0', () => {
    const set = twoSpirals({ pointsPerClass: 300, seed: 3 });
    for (let i = 0; i < 600; i++) expect(set.x[600 + i]).toBe(-set.x[i]);
  });

  it('is deterministic per seed and differs between seeds', () => {
    const a = twoSpirals({ seed: 11 });
    expect(twoSpirals({ seed: 11 }).x).toEqual(a.x);
    expect(twoSpirals({ seed: 12 }).x).not.toEqual(a.x);
  });

  it('without noise puts each point at distance n <= 780 degrees in radians from the origin', () => {
    const set = twoSpirals({ pointsPerClass: 1000, noise: 0, seed: 1 });
    const maxRadius = (780 * 2 * Math.PI) / 360;
    let largest = 0;
    for (let i = 0; i < set.n; i++) {
      const r = Math.hypot(set.x[2 * i], set.x[2 * i + 1]);
      expect(r).toBeLessThanOrEqual(maxRadius + 1e-5);
      largest = Math.max(largest, r);
    }
    expect(largest).toBeGreaterThan(0.95 * maxRadius);
  });

  it('adds noise only in [0, noise) to class 0', () => {
    const clean = twoSpirals({ pointsPerClass: 500, noise: 0, seed: 5 });
    const noisy = twoSpirals({ pointsPerClass: 500, noise: 2, seed: 5 });
    for (let i = 0; i < 1000; i++) {
      const d = noisy.x[i] - clean.x[i];
      expect(d).toBeGreaterThanOrEqual(-1e-5);
      expect(d).toBeLessThan(2 + 1e-5);
    }
  });

  it('rejects bad options, naming them', () => {
    expect(() => twoSpirals({ pointsPerClass: 2.5 })).toThrow(
      /pointsPerClass must be a non-negative integer, found 2.5/,
    );
    expect(() => twoSpirals({ noise: -1 })).toThrow(/noise must be a finite number >= 0, found -1/);
    expect(() => twoSpirals({ pointsPerClass: -1 })).toThrow(RangeError);
    expect(() => twoSpirals({ noise: Infinity })).toThrow(RangeError);
  });
});
