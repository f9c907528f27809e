import { describe, expect, it } from 'vitest';
import { twoCircles } from './two-circles.js';
import { twoMoons } from './two-moons.js';
import { xorQuadrants } from './xor-quadrants.js';

const rows = (set: { x: Float32Array; y: ArrayLike<number>; n: number }) =>
  Array.from({ length: set.n }, (_, i) => ({ u: set.x[2 * i], v: set.x[2 * i + 1], label: set.y[i] }));

describe('two-class 2-D sets', () => {
  for (const [name, make] of [
    ['twoMoons', twoMoons],
    ['twoCircles', twoCircles],
    ['xorQuadrants', xorQuadrants],
  ] as const) {
    it(`${name}: p points per class, class 0 first, deterministic per seed, noise option honoured`, () => {
      const set = make({ pointsPerClass: 50, seed: 3 });
      expect([set.n, set.x.length, set.shape, set.numClasses]).toEqual([100, 200, [2], 2]);
      expect(Array.from(set.y)).toEqual([...Array(50).fill(0), ...Array(50).fill(1)]);
      expect(make({ pointsPerClass: 50, seed: 3 }).x).toEqual(set.x);
      expect(make({ pointsPerClass: 50, seed: 4 }).x).not.toEqual(set.x);
      const clean = make({ pointsPerClass: 50, seed: 3, noise: 0 });
      const noisy = make({ pointsPerClass: 50, seed: 3, noise: 0.3 });
      const spread = Math.sqrt(clean.x.reduce((s, v, i) => s + (v - noisy.x[i]) ** 2, 0) / clean.x.length);
      expect(spread).toBeGreaterThan(0.2);
      expect(spread).toBeLessThan(0.4);
      expect(() => make({ pointsPerClass: -1 })).toThrow(
        `${name}: pointsPerClass must be a non-negative integer, found -1`,
      );
      expect(() => make({ noise: Number.NaN })).toThrow(`${name}: noise must be a finite number >= 0, found NaN`);
      expect(() => make({ pointsPerClass: 1.5 })).toThrow(RangeError);
      expect(() => make({ noise: -1 })).toThrow(RangeError);
      expect(make({ pointsPerClass: 0 }).n).toBe(0);
    });
  }

  it('twoMoons without noise lies on its two half circles', () => {
    for (const { u, v, label } of rows(twoMoons({ pointsPerClass: 30, noise: 0 }))) {
      const [cu, cv] = label === 0 ? [0, 0] : [1, 0.5];
      expect(Math.hypot(u - cu, v - cv)).toBeCloseTo(1, 5);
      expect(label === 0 ? v >= -1e-6 : v <= 0.5 + 1e-6).toBe(true);
    }
  });

  it('twoCircles without noise lies on radius 1 (class 0) and factor (class 1)', () => {
    for (const { u, v, label } of rows(twoCircles({ pointsPerClass: 30, noise: 0, factor: 0.3 }))) {
      expect(Math.hypot(u, v)).toBeCloseTo(label === 0 ? 1 : 0.3, 5);
    }
    expect(() => twoCircles({ factor: 1 })).toThrow('twoCircles: factor must be in (0, 1), found 1');
    expect(() => twoCircles({ factor: 0 })).toThrow(RangeError);
  });

  it('xorQuadrants without noise: class 0 where x·y > 0, class 1 where x·y < 0, both signs drawn', () => {
    const all = rows(xorQuadrants({ pointsPerClass: 200, noise: 0, seed: 1 }));
    for (const { u, v, label } of all) expect(Math.sign(u * v)).toBe(label === 0 ? 1 : -1);
    expect(all.some(({ u, label }) => label === 0 && u < 0)).toBe(true);
    expect(all.some(({ u, label }) => label === 0 && u > 0)).toBe(true);
  });
});
