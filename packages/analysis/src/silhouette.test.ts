import { describe, expect, it } from 'vitest';
import { gaussian } from '../test/helpers.js';
import { silhouetteScore } from './silhouette.js';

function blobs(centres: number[][], perClass: number, sd: number, seed: number) {
  const next = gaussian(seed);
  const values: number[] = [];
  const labels: number[] = [];
  centres.forEach((centre, label) => {
    for (let i = 0; i < perClass; i++) {
      values.push(...centre.map((c) => c + sd * next()));
      labels.push(label);
    }
  });
  return { codes: { values: Float64Array.from(values), rows: labels.length, cols: centres[0].length }, labels };
}

describe('silhouetteScore', () => {
  it('matches a hand-computed case, with 0 for a singleton class', () => {
    // 1-D: class 0 at 0 and 1, class 1 at 5. s = (5-1)/5, (4-1)/4, 0.
    const codes = { values: Float64Array.from([0, 1, 5]), rows: 3, cols: 1 };
    expect(silhouetteScore(codes, [0, 0, 1])).toBeCloseTo((0.8 + 0.75 + 0) / 3, 12);
  });

  it('is near 1 for well-separated clusters and near 0 for identical ones', () => {
    const separated = blobs(
      [
        [0, 0],
        [20, 0],
        [0, 20],
      ],
      60,
      1,
      1,
    );
    expect(silhouetteScore(separated.codes, separated.labels)).toBeGreaterThan(0.9);
    const identical = blobs(
      [
        [0, 0],
        [0, 0],
      ],
      200,
      1,
      2,
    );
    expect(Math.abs(silhouetteScore(identical.codes, identical.labels))).toBeLessThan(0.05);
  });

  it('subsamples deterministically above maxPoints and stays close to the exact value', () => {
    const { codes, labels } = blobs(
      [
        [0, 0],
        [3, 0],
      ],
      300,
      1,
      3,
    );
    const exact = silhouetteScore(codes, labels);
    const sampled = silhouetteScore(codes, labels, { maxPoints: 200, seed: 1 });
    expect(sampled).toBe(silhouetteScore(codes, labels, { maxPoints: 200, seed: 1 }));
    expect(sampled).not.toBe(exact);
    expect(Math.abs(sampled - exact)).toBeLessThan(0.05);
  });

  it('needs at least two classes', () => {
    expect(() => silhouetteScore({ values: new Float64Array(3), rows: 3, cols: 1 }, [4, 4, 4])).toThrow(
      /at least 2 classes/,
    );
  });
});

describe('silhouetteScore, edge cases by hand', () => {
  it('is 0 for points that all coincide (a = b = 0), not NaN', () => {
    expect(silhouetteScore({ values: new Float64Array(4), rows: 4, cols: 1 }, [0, 0, 1, 1])).toBe(0);
  });

  it('uses the seed it is given for the subsample', () => {
    const { codes, labels } = blobs(
      [
        [0, 0],
        [2, 0],
      ],
      100,
      1,
      4,
    );
    const a = silhouetteScore(codes, labels, { maxPoints: 50, seed: 1 });
    expect(silhouetteScore(codes, labels, { maxPoints: 50, seed: 2 })).not.toBe(a);
    expect(silhouetteScore(codes, labels, { maxPoints: 50 })).toBe(
      silhouetteScore(codes, labels, { maxPoints: 50, seed: 0 }),
    );
  });

  it('takes maxPoints >= 2 and names itself in argument errors', () => {
    const codes = { values: Float64Array.from([0, 3]), rows: 2, cols: 1 };
    expect(silhouetteScore(codes, [0, 1], { maxPoints: 2 })).toBe(0); // two singletons
    for (const maxPoints of [1, 2.5]) {
      expect(() => silhouetteScore(codes, [0, 1], { maxPoints })).toThrow(
        new RegExp(`silhouetteScore: maxPoints must be an integer >= 2, found ${maxPoints}`),
      );
    }
    expect(() => silhouetteScore({ ...codes, values: Float64Array.from([0, NaN]) }, [0, 1])).toThrow(
      /^silhouetteScore: codes: /,
    );
    expect(() => silhouetteScore(codes, [0])).toThrow(/^silhouetteScore: labels: /);
  });
});
