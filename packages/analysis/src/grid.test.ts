import { describe, expect, it } from 'vitest';
import { makeGrid } from './grid.js';

describe('makeGrid', () => {
  it('puts points at cell centres, y outer and x inner', () => {
    const grid = makeGrid({ xMin: 0, xMax: 1, yMin: 10, yMax: 12 }, 2);
    expect([grid.nx, grid.ny]).toEqual([2, 2]);
    expect([...grid.points]).toEqual([0.25, 10.5, 0.75, 10.5, 0.25, 11.5, 0.75, 11.5]);
  });

  it('accepts separate nx and ny and keeps the box', () => {
    const grid = makeGrid({ xMin: -15, xMax: 15, yMin: -15, yMax: 15 }, { nx: 3, ny: 1 });
    expect(grid).toMatchObject({ xMin: -15, xMax: 15, yMin: -15, yMax: 15, nx: 3, ny: 1 });
    expect([...grid.points]).toEqual([-10, 0, 0, 0, 10, 0]);
  });

  it('rejects empty boxes and bad resolutions by name', () => {
    expect(() => makeGrid({ xMin: 1, xMax: 1, yMin: 0, yMax: 1 }, 4)).toThrow(/xMin < xMax/);
    expect(() => makeGrid({ xMin: 0, xMax: 1, yMin: 0, yMax: NaN }, 4)).toThrow(/box.yMax/);
    expect(() => makeGrid({ xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, { nx: 2.5, ny: 3 })).toThrow(/nx must be an integer/);
    expect(() => makeGrid({ xMin: 2, xMax: 1, yMin: 0, yMax: 1 }, 4)).toThrow(
      new RangeError('makeGrid: box must have xMin < xMax and yMin < yMax, found x [2, 1], y [0, 1]'),
    );
    expect(() => makeGrid({ xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, 0)).toThrow(RangeError);
  });
});
