import { describe, expect, it } from 'vitest';
import { makeData } from './data.js';
import { DATASETS, DEFAULT_NOISE } from './settings.js';

describe('makeData', () => {
  it.each(DATASETS)('%s: seeded train and test sets of the asked size inside a square grid box', (data) => {
    const setting = { data, points: 50, ratio: 50, noise: DEFAULT_NOISE[data], seed: 5 };
    const { train, test, grid } = makeData(setting);
    expect([train.n, test.n]).toEqual([100, 100]);
    expect(test.x).not.toEqual(train.x);
    expect(makeData(setting).train.x).toEqual(train.x);
    expect(grid.xMax - grid.xMin).toBeCloseTo(grid.yMax - grid.yMin, 9);
    for (const set of [train, test]) {
      for (let i = 0; i < set.n; i++) {
        expect(set.x[2 * i]).toBeGreaterThan(grid.xMin);
        expect(set.x[2 * i]).toBeLessThan(grid.xMax);
        expect(set.x[2 * i + 1]).toBeGreaterThan(grid.yMin);
        expect(set.x[2 * i + 1]).toBeLessThan(grid.yMax);
      }
    }
  });
});
