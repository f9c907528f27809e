import { Matrix as MlMatrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { fromMl, randomMatrix, randomOrthonormalColumns, referenceSingularValues } from '../test/helpers.js';
import type { Matrix } from './matrix.js';
import { perClassSingularValues, singularValues } from './spectra.js';

function expectClose(actual: number[], expected: number[], tolerance: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - expected[i])).toBeLessThanOrEqual(tolerance));
}

function rowsOf(m: Matrix, rows: number[]): Matrix {
  const values = new Float64Array(rows.length * m.cols);
  rows.forEach((r, k) => values.set(m.values.subarray(r * m.cols, (r + 1) * m.cols), k * m.cols));
  return { values, rows: rows.length, cols: m.cols };
}

describe('singularValues', () => {
  it('returns the diagonal of a diagonal matrix, sorted descending', () => {
    const values = new Float64Array(5 * 3);
    values[0] = 2;
    values[4] = 3;
    values[8] = 1; // rows 3 and 4 are zero
    expectClose(singularValues({ values, rows: 5, cols: 3 }), [3, 2, 1], 1e-12);
  });

  it('finds exactly the rank of a rank-deficient matrix', () => {
    const a = MlMatrix.from1DArray(30, 2, randomMatrix(30, 2, 1).values);
    const b = MlMatrix.from1DArray(2, 6, randomMatrix(2, 6, 2).values);
    const sv = singularValues(fromMl(a.mmul(b)));
    expect(sv).toHaveLength(6);
    expect(sv[1]).toBeGreaterThan(1);
    for (const s of sv.slice(2)) expect(s).toBeLessThan(1e-6 * sv[0]);
  });

  it('recovers the diagonal of Q * diag(s) * P^T with random orthogonal Q and P', () => {
    const s = [10, 5, 3, 1, 0.5, 0.1, 0.01, 0.001];
    const q = randomOrthonormalColumns(40, 8, 3);
    const p = randomOrthonormalColumns(8, 8, 4);
    const x = fromMl(q.mmul(MlMatrix.diag(s)).mmul(p.transpose()));
    expectClose(singularValues(x), s, 1e-10);
  });

  it('agrees with ml-matrix SVD on random tall and wide Float32 matrices', () => {
    for (const [rows, cols, seed] of [
      [300, 40, 5],
      [20, 70, 6],
    ]) {
      const m = randomMatrix(rows, cols, seed);
      const f32 = { ...m, values: Float32Array.from(m.values) };
      const reference = referenceSingularValues(f32);
      expect(singularValues(f32)).toHaveLength(Math.min(rows, cols));
      expectClose(singularValues(f32), reference, 1e-9 * reference[0]);
    }
  });

  it('scales by sqrt(2) when every row is duplicated, and the normalised spectrum does not change', () => {
    const m = randomMatrix(50, 7, 7);
    const doubled: Matrix = { values: new Float64Array([...m.values, ...m.values]), rows: 100, cols: 7 };
    const raw = singularValues(m);
    expectClose(
      singularValues(doubled),
      raw.map((s) => s * Math.SQRT2),
      1e-9,
    );
    expectClose(singularValues(doubled, { normalized: true }), singularValues(m, { normalized: true }), 1e-12);
    expectClose(
      singularValues(m, { normalized: true }),
      raw.map((s) => s / Math.sqrt(50)),
      1e-12,
    );
  });

  it('centring removes a constant offset that the uncentred spectrum sees', () => {
    const m = randomMatrix(60, 5, 8);
    const shifted: Matrix = { ...m, values: m.values.map((v, i) => v + [100, -3, 0, 7, 1][i % 5]) };
    expectClose(singularValues(shifted, { centered: true }), singularValues(m, { centered: true }), 1e-9);
    expect(singularValues(shifted)[0]).toBeGreaterThan(100 * Math.sqrt(60) * 0.99);
    // Centring a matrix whose columns already have zero mean changes nothing.
    const centred = fromMl(fromMlMatrix(m).center('column'));
    expectClose(singularValues(centred, { centered: true }), singularValues(centred), 1e-9);
  });

  it('names the row and column of a non-finite value', () => {
    const m = randomMatrix(4, 3, 9);
    m.values[2 * 3 + 1] = NaN;
    expect(() => singularValues(m)).toThrow(/non-finite value NaN at row 2, column 1/);
    expect(() => singularValues({ values: new Float64Array(5), rows: 2, cols: 3 })).toThrow(/expected rows\*cols/);
    const huge = { values: Float64Array.from([1e200, 0, 1, 1]), rows: 2, cols: 2 };
    expect(() => perClassSingularValues(huge, [0, 0])).toThrow(/class 0: the Gram matrix overflowed/);
  });

  it('throws a TypeError for a matrix or labels of the wrong kind, a RangeError for bad values', () => {
    const m = randomMatrix(4, 3, 9);
    expect(() => singularValues({ ...m, values: [1, 2, 3] as never })).toThrow(
      new TypeError('singularValues: matrix.values must be a Float32Array or Float64Array, found an array of length 3'),
    );
    expect(() => perClassSingularValues(m, 4 as never)).toThrow(TypeError);
    expect(() => perClassSingularValues(m, [0, 0, 1, 0.5])).toThrow(
      new RangeError('perClassSingularValues: labels[3] must be a non-negative integer class index, found 0.5'),
    );
    expect(() => singularValues({ ...m, rows: 1.5 })).toThrow(
      new RangeError('singularValues: matrix must have integer rows >= 0 and cols >= 1, found rows=1.5 cols=3'),
    );
    expect(() => singularValues({ ...m, values: m.values.map(() => NaN) })).toThrow(RangeError);
    expect(() => perClassSingularValues(m, [0, 0, 0])).toThrow(RangeError);
    expect(() => perClassSingularValues(m, [0, 0, 2, 2])).toThrow(RangeError);
  });
});

function fromMlMatrix(m: Matrix): MlMatrix {
  return MlMatrix.from1DArray(m.rows, m.cols, m.values);
}

describe('perClassSingularValues', () => {
  it('computes each class on its own rows, labels ascending, with n', () => {
    const m = randomMatrix(90, 6, 10);
    const labels = Array.from({ length: 90 }, (_, i) => (i * 7) % 3);
    const result = perClassSingularValues(m, labels, { centered: true, normalized: true });
    expect(result.map((r) => [r.label, r.n])).toEqual([
      [0, 30],
      [1, 30],
      [2, 30],
    ]);
    for (const { label, singularValues: sv } of result) {
      const rows = labels.flatMap((y, i) => (y === label ? [i] : []));
      expectClose(sv, singularValues(rowsOf(m, rows), { centered: true, normalized: true }), 1e-10);
    }
  });

  it('computes only the requested classes, in the order given', () => {
    const m = randomMatrix(6, 2, 13);
    const labels = [3, 3, 5, 5, 5, 7];
    const result = perClassSingularValues(m, labels, { classes: [5, 3] });
    expect(result.map((r) => [r.label, r.n])).toEqual([
      [5, 3],
      [3, 2],
    ]);
    expectClose(result[0].singularValues, singularValues(rowsOf(m, [2, 3, 4])), 1e-12);
  });

  it('gives min(n, cols) values for a class with fewer rows than columns', () => {
    const m = randomMatrix(12, 10, 11);
    const labels = [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const [small] = perClassSingularValues(m, labels);
    expect(small.singularValues).toHaveLength(3);
    expectClose(small.singularValues, referenceSingularValues(rowsOf(m, [0, 1, 2])), 1e-9);
  });

  it('rejects an empty class and mismatched labels by name', () => {
    const m = randomMatrix(4, 2, 12);
    expect(() => perClassSingularValues(m, [0, 0, 2, 2])).toThrow(/class 1 has no rows \(labels present: 0, 2\)/);
    expect(() => perClassSingularValues(m, [0, 0, 2, 2], { classes: [2, 5] })).toThrow(/class 5 has no rows/);
    expect(() => perClassSingularValues(m, [0, 1, 0])).toThrow(/expected 4 labels/);
    expect(() => perClassSingularValues(m, [0, 1, 0, -1])).toThrow(/labels\[3\]/);
  });
});

describe('spectra, by hand', () => {
  it('centres a class with fewer rows than columns (the n x n Gram path)', () => {
    // Rows a = (1, 2, 3), b = (3, 2, -1): centred, +-(a - b)/2, rank 1 with s = |a - b| / sqrt(2) = sqrt(10).
    const m = { values: Float64Array.from([1, 2, 3, 3, 2, -1]), rows: 2, cols: 3 };
    expectClose(singularValues(m, { centered: true }), [Math.sqrt(10), 0], 1e-12);
    expectClose(singularValues(m, { centered: true, normalized: true }), [Math.sqrt(5), 0], 1e-12);
    const [spectrum] = perClassSingularValues(m, [0, 0], { centered: true });
    expectClose(spectrum.singularValues, [Math.sqrt(10), 0], 1e-12);
    // Uncentred: the Gram matrix [[14, 4], [4, 14]] has eigenvalues 18 and 10.
    expectClose(singularValues(m), [Math.sqrt(18), Math.sqrt(10)], 1e-12);
  });

  it('takes a single class, and rejects a matrix without rows', () => {
    const m = randomMatrix(5, 2, 14);
    expect(perClassSingularValues(m, [0, 0, 0, 0, 0]).map((s) => s.label)).toEqual([0]);
    expect(() => singularValues({ values: new Float64Array(0), rows: 0, cols: 3 })).toThrow(
      /^singularValues: matrix has no rows/,
    );
  });

  it('names the function in its errors', () => {
    const bad = { values: Float64Array.from([0, NaN]), rows: 1, cols: 2 };
    expect(() => singularValues(bad)).toThrow(/^singularValues: matrix: non-finite/);
    expect(() => perClassSingularValues(bad, [0])).toThrow(/^perClassSingularValues: matrix: non-finite/);
    const huge = { values: Float64Array.from([1e200, 0, 1, 1]), rows: 2, cols: 2 };
    expect(() => singularValues(huge)).toThrow(/^singularValues: the Gram matrix overflowed/);
  });
});
