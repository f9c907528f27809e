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
  it.each(['wasm', 'js'] as const)(
    '(%s kernel) equals the naive X^T X for odd widths and row counts, several chunks, a row subset, with and without a mean',
    (kernel) => {
      for (const cols of [1, 5, 9]) {
        const m = randomMatrix(601, cols, cols);
        const rows = Array.from({ length: 601 }, (_, i) => i).filter((i) => i % 3 !== 1);
        const mean = Array.from({ length: cols }, (_, i) => i - 2);
        for (const mu of [null, mean]) {
          const actual = gramMatrix(m.values, cols, rows, mu === null ? null : Float64Array.from(mu), kernel);
          const expected = naiveGram(m.values, cols, rows, mu);
          actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 9));
        }
      }
    },
  );

  it('gives the same result from both kernels on a wide panel, and clears the reused wasm memory', () => {
    const m = randomMatrix(300, 37, 1);
    const rows = Array.from({ length: 299 }, (_, i) => i + 1);
    const js = gramMatrix(m.values, 37, rows, null, 'js');
    gramMatrix(m.values, 37, rows, null, 'wasm'); // leaves a used gram behind in wasm memory
    const wasm = gramMatrix(m.values, 37, rows, null, 'wasm');
    wasm.forEach((v, i) => expect(Math.abs(v - js[i])).toBeLessThan(1e-9 * Math.abs(js[0])));
  });
});
