import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { randomMatrix } from '../test/helpers.js';
import { symmetricEigenvalues } from './symmetric-eigenvalues.js';

describe('symmetricEigenvalues', () => {
  it.each(['wasm', 'js'] as const)(
    '(%s loops) matches ml-matrix EVD on random symmetric indefinite matrices',
    (kernel) => {
      for (const [n, seed] of [
        [1, 1],
        [2, 2],
        [5, 3],
        [64, 4],
        [97, 5],
      ]) {
        const a = MlMatrix.from1DArray(n, n, randomMatrix(n, n, seed).values);
        const s = a.add(a.transpose());
        const expected = [...new EigenvalueDecomposition(s, { assumeSymmetric: true }).realEigenvalues].sort(
          (x, y) => y - x,
        );
        const actual = symmetricEigenvalues(Float64Array.from(s.to1DArray()), n, kernel);
        expect(expected.some((v) => v < 0) || n < 3).toBe(true);
        actual.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-10 * Math.abs(expected[0]) + 1e-12));
      }
    },
  );

  it.each(['wasm', 'js'] as const)('(%s loops) reads only the upper triangle', (kernel) => {
    const n = 6;
    const full = new Float64Array(n * n);
    const upper = new Float64Array(n * n).fill(1e6); // garbage below the diagonal
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        const v = (((i + 1) * (j + 3)) % 7) - 3;
        full[i * n + j] = full[j * n + i] = upper[i * n + j] = v;
      }
    }
    expect([...symmetricEigenvalues(upper, n, kernel)]).toEqual([...symmetricEigenvalues(full, n, kernel)]);
  });

  it('handles repeated eigenvalues and zero matrices', () => {
    expect([...symmetricEigenvalues(new Float64Array([2, 0, 0, 0, 2, 0, 0, 0, 2]), 3)]).toEqual([2, 2, 2]);
    expect([...symmetricEigenvalues(new Float64Array(16), 4)]).toEqual([0, 0, 0, 0]);
  });

  it('rejects non-finite entries with their position', () => {
    expect(() => symmetricEigenvalues(new Float64Array([1, Infinity, Infinity, 1]), 2)).toThrow(/\(0, 1\)/);
    expect(() => symmetricEigenvalues(new Float64Array([1, 0, 0, NaN]), 2)).toThrow(
      new RangeError('symmetricEigenvalues: a at (1, 1) must be finite (an overflow upstream?), found NaN'),
    );
    expect(() => symmetricEigenvalues(new Float64Array(3), 2)).toThrow(
      new RangeError('symmetricEigenvalues: a must hold n * n = 4 entries, found 3'),
    );
  });
});
