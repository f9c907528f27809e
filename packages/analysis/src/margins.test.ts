import { describe, expect, it } from 'vitest';
import { randomMatrix } from '../test/helpers.js';
import { marginStatistics, percentile } from './margins.js';
import { mulberry32, sampleWithoutReplacement } from '@manifold-mixup/random';

/** Four points at distance r around each centre (so spread = r), labelled by centre. */
function plus(centres: Array<[number, number]>, r = 1) {
  const points: number[] = [];
  const labels: number[] = [];
  centres.forEach(([x, y], label) => {
    for (const [dx, dy] of [
      [r, 0],
      [-r, 0],
      [0, r],
      [0, -r],
    ]) {
      points.push(x + dx, y + dy);
      labels.push(label);
    }
  });
  return { codes: { values: Float64Array.from(points), rows: labels.length, cols: 2 }, labels };
}

describe('marginStatistics', () => {
  it('gives centroids, spreads and margin = distance / (spread + spread) for two clusters', () => {
    const { codes, labels } = plus([
      [0, 0],
      [10, 0],
    ]);
    const stats = marginStatistics(codes, labels);
    expect(stats.classes[0].centroid).toEqual([0, 0]);
    expect(stats.classes[1].centroid).toEqual([10, 0]);
    expect(stats.classes[0].spread).toBeCloseTo(1, 12);
    expect(stats.classes[0].nearestOtherCentroid).toBeCloseTo(10, 12);
    expect(stats.classes[0].nearestOtherLabel).toBe(1);
    expect(stats.meanMargin).toBeCloseTo(5, 12);
    expect(stats.minMargin).toBeCloseTo(5, 12);
    // Per-point nearest other-class distances: 8, 8, 10, 10 and four of sqrt(82); the 5th percentile is 8.
    expect(stats.closestPairDistanceP05).toBeCloseTo(8, 12);
    expect(stats.closestPairDistanceMedian).toBeCloseTo(Math.sqrt(82), 12);
    expect(stats.sampledPoints).toBe(8);
  });

  it('takes the worst other class per class, and min/mean over classes', () => {
    // Class 2 is tight (spread 0.5) and 6 away from class 1 (spread 1): margin 6 / 1.5 = 4.
    const a = plus([
      [0, 0],
      [10, 0],
    ]);
    const b = plus([[16, 0]], 0.5);
    const codes = { values: Float64Array.from([...a.codes.values, ...b.codes.values]), rows: 12, cols: 2 };
    const labels = [...a.labels, 2, 2, 2, 2];
    const stats = marginStatistics(codes, labels);
    expect(stats.classes.map((c) => c.margin)).toEqual([5, 4, 4].map((m) => expect.closeTo(m, 12)));
    expect(stats.classes.map((c) => c.marginAgainst)).toEqual([1, 2, 1]);
    expect(stats.minMargin).toBeCloseTo(4, 12);
    expect(stats.meanMargin).toBeCloseTo(13 / 3, 12);
  });

  it('grows when clusters move apart or tighten', () => {
    const near = marginStatistics(
      plus([
        [0, 0],
        [5, 0],
      ]).codes,
      plus([
        [0, 0],
        [5, 0],
      ]).labels,
    );
    const far = marginStatistics(
      plus([
        [0, 0],
        [9, 0],
      ]).codes,
      plus([
        [0, 0],
        [9, 0],
      ]).labels,
    );
    const tight = plus(
      [
        [0, 0],
        [5, 0],
      ],
      0.5,
    );
    expect(far.meanMargin).toBeGreaterThan(near.meanMargin);
    expect(marginStatistics(tight.codes, tight.labels).meanMargin).toBeCloseTo(2 * near.meanMargin, 12);
  });

  it('subsamples deterministically above maxPoints', () => {
    const codes = randomMatrix(500, 3, 1);
    const labels = Array.from({ length: 500 }, (_, i) => i % 2);
    const a = marginStatistics(codes, labels, { maxPoints: 100, seed: 7 });
    expect(a.sampledPoints).toBe(100);
    expect(marginStatistics(codes, labels, { maxPoints: 100, seed: 7 })).toEqual(a);
    expect(marginStatistics(codes, labels, { maxPoints: 100, seed: 8 }).closestPairDistanceP05).not.toBe(
      a.closestPairDistanceP05,
    );
  });

  it('needs two classes and finite codes', () => {
    expect(() => marginStatistics({ values: new Float64Array(4), rows: 2, cols: 2 }, [0, 0])).toThrow(
      /at least 2 classes/,
    );
    expect(() =>
      marginStatistics({ values: Float64Array.from([0, 0, 1, Infinity]), rows: 2, cols: 2 }, [0, 1]),
    ).toThrow(/row 1, column 1/);
  });
});

describe('percentile', () => {
  it('interpolates linearly like numpy', () => {
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5], 0.05)).toBeCloseTo(1.2, 12);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe('marginStatistics, edge cases by hand', () => {
  const codesOf = (points: number[][]) => ({
    values: Float64Array.from(points.flat()),
    rows: points.length,
    cols: points[0].length,
  });

  it('reports the nearest other class and the class attaining the margin, the first label on ties', () => {
    // Class 0 at the origin, 1 at (10, 0), 2 at (-10, 0), 3 at (0, 30); spread 1 each.
    const { codes, labels } = plus([
      [0, 0],
      [10, 0],
      [-10, 0],
      [0, 30],
    ]);
    const stats = marginStatistics(codes, labels);
    expect(stats.classes.map((c) => c.nearestOtherLabel)).toEqual([1, 0, 0, 0]);
    expect(stats.classes.map((c) => c.marginAgainst)).toEqual([1, 0, 0, 0]);
    expect(stats.classes.map((c) => c.nearestOtherCentroid)).toEqual(
      [10, 10, 10, 30].map((d) => expect.closeTo(d, 12)),
    );
    expect(stats.classes.map((c) => c.margin)).toEqual([5, 5, 5, 15].map((d) => expect.closeTo(d, 12)));
  });

  it('gives margin Infinity between distinct points and 0 between coincident ones when both spreads are 0', () => {
    const apart = marginStatistics(
      codesOf([
        [0, 0],
        [0, 0],
        [4, 0],
        [4, 0],
      ]),
      [3, 3, 7, 7],
    );
    expect(apart.classes.map((c) => [c.label, c.margin, c.marginAgainst])).toEqual([
      [3, Infinity, 7],
      [7, Infinity, 3],
    ]);
    const together = marginStatistics(
      codesOf([
        [1, 1],
        [1, 1],
        [1, 1],
      ]),
      [0, 0, 1],
    );
    expect(together.classes.map((c) => c.margin)).toEqual([0, 0]);
    expect(together.closestPairDistanceMedian).toBe(0);
  });

  it('drops sampled points that have no other class in the sample', () => {
    // Find a seed whose 2-point sample of rows [0, 0, 1]-labelled is rows 0 and 1 (one class).
    const seed = Array.from({ length: 100 }, (_, s) => s).find(
      (s) => sampleWithoutReplacement(3, 2, mulberry32(s)).join() === '0,1',
    )!;
    const stats = marginStatistics(
      codesOf([
        [0, 0],
        [1, 0],
        [5, 0],
      ]),
      [0, 0, 1],
      { maxPoints: 2, seed },
    );
    expect(stats.sampledPoints).toBe(0);
    expect(stats.closestPairDistanceMedian).toBeNaN();
    // With all three points: 4 (row 1 to row 2) for rows 1 and 2, 5 for row 0.
    const all = marginStatistics(
      codesOf([
        [0, 0],
        [1, 0],
        [5, 0],
      ]),
      [0, 0, 1],
      { maxPoints: 2.5e3 },
    );
    expect(all.closestPairDistanceMedian).toBe(4);
    expect(all.sampledPoints).toBe(3);
  });

  it('takes maxPoints >= 2 and names itself in argument errors', () => {
    const { codes, labels } = plus([
      [0, 0],
      [10, 0],
    ]);
    const pair = codesOf([
      [0, 0],
      [3, 4],
    ]);
    expect(marginStatistics(pair, [0, 1], { maxPoints: 2 }).closestPairDistanceMedian).toBe(5);
    for (const maxPoints of [1, 2.5]) {
      expect(() => marginStatistics(codes, labels, { maxPoints })).toThrow(
        new RegExp(`marginStatistics: maxPoints must be an integer >= 2, found ${maxPoints}`),
      );
    }
    expect(() => marginStatistics({ ...codes, values: codes.values.map(() => NaN) }, labels)).toThrow(
      /^marginStatistics: codes: /,
    );
    expect(() => marginStatistics(codes, labels.slice(1))).toThrow(/^marginStatistics: labels: /);
  });
});
