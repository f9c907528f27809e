import { describe, expect, it } from 'vitest';
import { alignment, fitProjection, project } from './projection.js';

/**
 * rows points in 4-D: the classes apart along e1 (at ±2), a wide spread along (0, 1, 1, 0)/√2, a small one along
 * e4, all offset by 5.
 */
function cloud(rows: number): { values: Float32Array; labels: Uint8Array } {
  const values = new Float32Array(rows * 4);
  const labels = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    labels[r] = r % 2;
    const spread = Math.sin(r * 1.7) * 10;
    values.set(
      [5 + (labels[r] === 1 ? 2 : -2), 5 + spread / Math.SQRT2, 5 + spread / Math.SQRT2, 5 + Math.cos(r)],
      r * 4,
    );
  }
  return { values, labels };
}

describe('fitProjection', () => {
  it('puts the classes apart across and the widest spread up, about the mean', () => {
    const { values, labels } = cloud(200);
    const p = fitProjection(values, 200, 4, labels);
    expect(p.axes[0][0]).toBeCloseTo(1, 2);
    expect(Math.abs(p.axes[1][1])).toBeCloseTo(Math.SQRT1_2, 2);
    expect(Math.abs(p.axes[1][2])).toBeCloseTo(Math.SQRT1_2, 2);
    expect(p.axes[0].reduce((sum, v, i) => sum + v * p.axes[1][i], 0)).toBeCloseTo(0, 8);
    const shown = project(p, values, 200);
    for (let r = 0; r < 200; r++) expect(Math.sign(shown[2 * r])).toBe(labels[r] === 1 ? 1 : -1);
    expect(() => fitProjection(values, 199, 4, labels)).toThrow(/fitProjection: expected 199 × 4 values, found 800/);
  });

  it('falls back to the principal direction when the classes have the same mean', () => {
    const { values } = cloud(200);
    const p = fitProjection(values, 200, 4, new Uint8Array(200)); // one class only
    expect(Math.abs(p.axes[0][1])).toBeCloseTo(Math.SQRT1_2, 2);
  });
});

describe('alignment', () => {
  it('is 1 on the data the view was fitted on, and about 0 once the classes part along another axis', () => {
    const { values, labels } = cloud(200);
    const p = fitProjection(values, 200, 4, labels);
    expect(alignment(p, values, 200, labels)).toBeCloseTo(1, 6);
    const moved = new Float32Array(values.length);
    for (let r = 0; r < 200; r++) moved.set([5, values[r * 4 + 1], values[r * 4 + 2], labels[r] === 1 ? 9 : 1], r * 4);
    expect(Math.abs(alignment(p, moved, 200, labels))).toBeLessThan(0.01);
  });
});
