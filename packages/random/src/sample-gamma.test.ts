import { describe, expect, it } from 'vitest';
import { moments } from './__fixtures__/moments.js';
import { sampleGamma } from './sample-gamma.js';
import { mulberry32 } from './seeded-random.js';

describe('sampleGamma', () => {
  it('draws known values for a known stream (below and above shape 1)', () => {
    const random = mulberry32(1);
    expect(sampleGamma(0.5, random)).toBe(0.0012337083064553305);
    expect(sampleGamma(4, random)).toBe(2.7736261152652535);
  });

  for (const shape of [0.1, 0.5, 1, 2, 4]) {
    it(`Gamma(${shape}, 1) has mean and variance ${shape}`, () => {
      const rng = mulberry32(11);
      const { mean, variance } = moments(Array.from({ length: 40000 }, () => sampleGamma(shape, rng)));
      expect(Math.abs(mean - shape)).toBeLessThan(0.05 * Math.max(1, shape));
      expect(Math.abs(variance - shape) / shape).toBeLessThan(0.1);
    });
  }

  it('rejects a shape that is not a positive finite number, naming it', () => {
    for (const shape of [0, -1, Number.NaN, Infinity]) {
      expect(() => sampleGamma(shape, Math.random)).toThrow(
        new RangeError(`sampleGamma: shape must be a positive finite number, found ${shape}`),
      );
      expect(() => sampleGamma(shape, Math.random)).toThrow(RangeError);
    }
  });
});
