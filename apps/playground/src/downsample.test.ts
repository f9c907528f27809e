import { describe, expect, it } from 'vitest';
import { minMaxIndices } from './downsample.js';

describe('minMaxIndices', () => {
  it('keeps every finite point of a short series', () => {
    expect(minMaxIndices([3, 1, 2], 500)).toEqual([0, 1, 2]);
    expect(minMaxIndices([NaN, 1, 2], 500)).toEqual([1, 2]);
  });

  it('reduces a long series to about the asked number of points, in order, keeping spikes and dips', () => {
    const values = Array.from({ length: 5000 }, (_, i) => Math.sin(i / 50));
    values[1234] = 9; // a spike
    values[4321] = -9; // a dip
    const kept = minMaxIndices(values, 500);
    expect(kept.length).toBeLessThanOrEqual(500);
    expect(kept.length).toBeGreaterThan(450);
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
    expect(kept).toContain(1234);
    expect(kept).toContain(4321);
    expect(kept[0]).toBeLessThan(10);
    expect(kept.at(-1)).toBeGreaterThan(4990);
  });

  it('skips what is not finite (the untrained epoch 0 has no objective)', () => {
    const values = [NaN, ...Array.from({ length: 999 }, (_, i) => i % 7)];
    const kept = minMaxIndices(values, 100);
    expect(kept).not.toContain(0);
    expect(kept.every((i) => Number.isFinite(values[i]))).toBe(true);
  });
});
