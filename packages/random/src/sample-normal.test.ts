import { describe, expect, it } from 'vitest';
import { moments } from './__fixtures__/moments.js';
import { sampleNormal } from './sample-normal.js';
import { mulberry32 } from './seeded-random.js';

describe('sampleNormal', () => {
  it('computes Box-Muller from the uniforms u = 1 - first draw, v = second draw', () => {
    const random = mulberry32(0);
    expect(sampleNormal(random)).toBe(0.7871846599200555);
    expect(sampleNormal(random)).toBe(0.43143961704601397);
    const draws = [0.75, 0.25];
    expect(sampleNormal(() => draws.shift()!)).toBeCloseTo(Math.sqrt(-2 * Math.log(0.25)) * Math.cos(Math.PI / 2), 12);
  });

  it('is finite for a first draw of 0 and has mean 0, variance 1', () => {
    expect(Number.isFinite(sampleNormal(() => 0))).toBe(true);
    const random = mulberry32(4);
    const { mean, variance } = moments(Array.from({ length: 40000 }, () => sampleNormal(random)));
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
  });
});
