import { describe, expect, it } from 'vitest';
import { confidenceStatistics } from './confidence.js';
import { makeGrid, type Grid } from './grid.js';

const unitBox = { xMin: 0, xMax: 1, yMin: 0, yMax: 1 };

/** Two-class probabilities on the grid from a function giving P(class 1) at a point. */
function field(grid: Grid, p1: (x: number, y: number) => number): Float32Array {
  const out = new Float32Array(grid.nx * grid.ny * 2);
  for (let i = 0; i < grid.nx * grid.ny; i++) {
    const q = p1(grid.points[2 * i], grid.points[2 * i + 1]);
    out[2 * i] = 1 - q;
    out[2 * i + 1] = q;
  }
  return out;
}

const clamp = (v: number) => Math.min(1, Math.max(0, v));

describe('confidenceStatistics', () => {
  it('constant fields: uniform is all low-confidence with entropy ln 2, certain is none with entropy 0', () => {
    const grid = makeGrid(unitBox, 10);
    const uniform = confidenceStatistics(
      field(grid, () => 0.5),
      2,
      grid,
    );
    expect(uniform).toEqual({
      lowConfidenceFraction: 1,
      meanEntropy: expect.closeTo(Math.LN2, 6),
      totalVariation: 0,
      totalVariationDataUnits: 0,
      threshold: 0.9,
    });
    const certain = confidenceStatistics(
      field(grid, () => 1),
      2,
      grid,
    );
    expect([certain.lowConfidenceFraction, certain.meanEntropy, certain.totalVariation]).toEqual([0, 0, 0]);
  });

  it('total variation of a straight step is the jump times its length, at any resolution', () => {
    for (const n of [10, 40, 101]) {
      const grid = makeGrid(unitBox, n);
      const step = (x: number) => (x < 0.5 ? 0.2 : 0.8);
      expect(confidenceStatistics(field(grid, step), 2, grid).totalVariation).toBeCloseTo(0.6, 5);
      // A horizontal step counts the same.
      expect(
        confidenceStatistics(
          field(grid, (_x, y) => step(y)),
          2,
          grid,
        ).totalVariation,
      ).toBeCloseTo(0.6, 5);
    }
    const wide = makeGrid({ xMin: -15, xMax: 15, yMin: -15, yMax: 15 }, 30);
    const stats = confidenceStatistics(
      field(wide, (x) => (x < 0 ? 0 : 1)),
      2,
      wide,
    );
    expect(stats.totalVariation).toBeCloseTo(1, 6);
    expect(stats.totalVariationDataUnits).toBeCloseTo(30, 5);
  });

  it('a wiggly boundary has more total variation than a straight one', () => {
    const grid = makeGrid(unitBox, 100);
    const wiggly = (x: number, y: number) => (x < 0.5 + 0.2 * Math.sin(8 * Math.PI * y) ? 0 : 1);
    expect(confidenceStatistics(field(grid, wiggly), 2, grid).totalVariation).toBeGreaterThan(2);
  });

  it('a smooth ramp has a larger low-confidence area and higher entropy than a sharp step', () => {
    const grid = makeGrid(unitBox, 100);
    const step = confidenceStatistics(
      field(grid, (x) => (x < 0.5 ? 0 : 1)),
      2,
      grid,
    );
    const ramp = confidenceStatistics(
      field(grid, (x) => clamp((x - 0.3) / 0.4)),
      2,
      grid,
    );
    expect(step.lowConfidenceFraction).toBe(0);
    // max(q, 1 - q) < 0.9 where 0.1 < q < 0.9, i.e. 0.34 < x < 0.66: 32 of 100 columns.
    expect(ramp.lowConfidenceFraction).toBeCloseTo(0.32, 10);
    expect(ramp.meanEntropy).toBeGreaterThan(step.meanEntropy);
    expect(ramp.totalVariation).toBeCloseTo(step.totalVariation, 5); // monotone: same total change
    expect(
      confidenceStatistics(
        field(grid, (x) => clamp((x - 0.3) / 0.4)),
        2,
        grid,
        { threshold: 0.6 },
      ).lowConfidenceFraction,
    ).toBeCloseTo(0.08, 10);
  });

  it('works for more classes and a chosen class for the total variation', () => {
    const grid = makeGrid(unitBox, { nx: 2, ny: 1 });
    const p = Float32Array.from([0.5, 0.25, 0.25, 0.9, 0.05, 0.05]);
    const stats = confidenceStatistics(p, 3, grid, { classIndex: 0 });
    expect(stats.lowConfidenceFraction).toBe(0.5);
    expect(stats.totalVariation).toBeCloseTo(0.4, 6);
    expect(stats.meanEntropy).toBeCloseTo((1.5 * Math.LN2 + -(0.9 * Math.log(0.9) + 0.1 * Math.log(0.05))) / 2, 6);
  });

  it('rejects wrong lengths and invalid probabilities with their position', () => {
    const grid = makeGrid(unitBox, 2);
    expect(() => confidenceStatistics(new Float32Array(6), 2, grid)).toThrow(/expected 4 x 2 = 8/);
    const bad = field(grid, () => 0.5);
    bad[5] = 1.5;
    expect(() => confidenceStatistics(bad, 2, grid)).toThrow(/class 1 in row 2 is 1.5/);
    expect(() =>
      confidenceStatistics(
        field(grid, () => 0.5),
        2,
        grid,
        { threshold: 0 },
      ),
    ).toThrow(/threshold/);
  });
});

describe('confidenceStatistics, by hand', () => {
  it('weights the jumps by the box size in data units on an off-centre box', () => {
    // Box x in [1, 4] (width 3), y in [-1, 1] (height 2), 2 x 2 cells; P(class 1) by cell
    // (y outer, x inner): 0, 1 / 0.25, 0.5. Jumps across vertical edges 1 + 0.25 = 1.25, each
    // 1/ny = 1/2 of the box high; across horizontal edges 0.25 + 0.5 = 0.75, each 1/nx wide.
    const grid = makeGrid({ xMin: 1, xMax: 4, yMin: -1, yMax: 1 }, 2);
    const p = Float32Array.from([1, 0, 0, 1, 0.75, 0.25, 0.5, 0.5]);
    const stats = confidenceStatistics(p, 2, grid);
    expect(stats.totalVariation).toBeCloseTo(1.25 / 2 + 0.75 / 2, 12);
    expect(stats.totalVariationDataUnits).toBeCloseTo((1.25 * 2) / 2 + (0.75 * 3) / 2, 12);
    // Confidences 1, 1, 0.75, 0.5: threshold 1 (allowed) counts the two below it.
    expect(confidenceStatistics(p, 2, grid, { threshold: 1 }).lowConfidenceFraction).toBe(0.5);
  });

  it('rejects a threshold above 1 and a class index outside [0, numClasses), naming them', () => {
    const grid = makeGrid(unitBox, 2);
    const p = field(grid, () => 0.5);
    expect(() => confidenceStatistics(p, 2, grid, { threshold: 1.5 })).toThrow(
      /threshold must be in \(0, 1\], found 1.5/,
    );
    for (const classIndex of [2, -1, 0.5]) {
      expect(() => confidenceStatistics(p, 2, grid, { classIndex })).toThrow(
        new RegExp(`classIndex must be an integer in \\[0, 2\\), found ${classIndex}`),
      );
    }
    expect(confidenceStatistics(p, 2, grid, { classIndex: 0 }).totalVariation).toBe(0);
    expect(() => confidenceStatistics(new Float32Array(3), 2, grid)).toThrow(/^confidenceStatistics: /);
  });
});
