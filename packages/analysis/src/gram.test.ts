import { describe, expect, it } from 'vitest';
import { randomMatrix } from '../test/helpers.js';
import { gramMatrix } from './gram.js';

function naiveGram(values: ArrayLike<number>, cols: number, rows: number[], mean: number[] | null): number[] {
  const out = new Array<number>(cols * cols).fill(0);
  for (const r of rows) {
    for (let i = 0; i < cols; i++) {
      for (let j = 0; j < cols; j++) {
        out[i * cols + j] += (values[r * cols + i] - (mean?.[i] ?? 0)) * (values[r * cols + j] - (mean?.[j] ?? 0));
      }
    }
  }
  return out;
}

describe('gramMatrix', () => {
  it('equals the naive X^T X for odd widths, several row chunks and a row subset, with and without a mean', () => {
    for (const cols of [1, 5, 9]) {
      const m = randomMatrix(301, cols, cols);
      const rows = Array.from({ length: 301 }, (_, i) => i).filter((i) => i % 3 !== 1);
      const mean = Array.from({ length: cols }, (_, i) => i - 2);
      for (const mu of [null, mean]) {
        const actual = gramMatrix(m.values, cols, rows, mu === null ? null : Float64Array.from(mu));
        const expected = naiveGram(m.values, cols, rows, mu);
        actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9));
      }
    }
  });
});
