import { describe, expect, it } from 'vitest';
import { classSpectra } from './hidden-spectra.js';

describe('classSpectra', () => {
  it("gives each class's singular values in a row, padded with zeros when it has fewer rows than columns", () => {
    // Class 0: rows (3, 0), (0, 4): singular values 4 and 3. Class 1: one row (6, 8): 10 and a padded 0.
    const m = { values: Float32Array.from([3, 0, 6, 8, 0, 4]), rows: 3, cols: 2 };
    const uncentred = classSpectra(m, [0, 1, 0], 2, false);
    expect(Array.from(uncentred)).toEqual([4, 3, 10, 0]);
    // Centred, class 1's single row is its mean: nothing is left.
    const centred = classSpectra(m, [0, 1, 0], 2, true);
    expect(centred[2]).toBe(0);
    expect(centred[0]).toBeCloseTo(Math.sqrt(12.5), 5);
  });
});
