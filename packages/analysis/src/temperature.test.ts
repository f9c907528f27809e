import { mulberry32, sampleNormal } from '@manifold-mixup/random';
import { describe, expect, it } from 'vitest';
import { calibration } from './calibration.js';
import { fitTemperature, temperatureScale } from './temperature.js';

/**
 * n rows whose labels are drawn from softmax(z) (so softmax(z) is calibrated), returned as the
 * probabilities softmax(z / applied): overconfident for applied < 1, underconfident for applied > 1.
 * The fit should find T = 1 / applied, which undoes it.
 */
function distorted(n: number, numClasses: number, applied: number, seed: number) {
  const rng = mulberry32(seed);
  const labels = new Int32Array(n);
  const probabilities = new Float32Array(n * numClasses);
  for (let i = 0; i < n; i++) {
    const z = Array.from({ length: numClasses }, () => 2 * sampleNormal(rng));
    const softmax = (t: number) => {
      const e = z.map((v) => Math.exp(v / t));
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / s);
    };
    const calibrated = softmax(1);
    let u = rng();
    let label = 0;
    while (label < numClasses - 1 && u >= calibrated[label]) u -= calibrated[label++];
    labels[i] = label;
    probabilities.set(softmax(applied), i * numClasses);
  }
  return { probabilities, labels };
}

describe('fitTemperature', () => {
  it('recovers the temperature that made calibrated probabilities overconfident (T = 3) or underconfident (T = 0.5)', () => {
    for (const [applied, expected] of [
      [1 / 3, 3],
      [2, 0.5],
    ]) {
      const { probabilities, labels } = distorted(8_000, 3, applied, 5);
      const fit = fitTemperature(probabilities, labels, 3);
      expect(fit.temperature / expected).toBeGreaterThan(0.95);
      expect(fit.temperature / expected).toBeLessThan(1.05);
      expect(fit.nllAfter).toBeLessThan(fit.nllBefore);
      expect(fit.atBound).toBe(false);
    }
  });

  it('leaves calibrated probabilities near T = 1, and minimises NLL: nearby temperatures do worse', () => {
    const { probabilities, labels } = distorted(8_000, 2, 1, 9);
    const fit = fitTemperature(probabilities, labels, 2);
    expect(Math.abs(fit.temperature - 1)).toBeLessThan(0.05);
    const nllAt = (t: number) => calibration(temperatureScale(probabilities, 2, t), labels, 2).nll;
    expect(nllAt(fit.temperature)).toBeCloseTo(fit.nllAfter, 12);
    for (const t of [fit.temperature * 0.99, fit.temperature * 1.01]) expect(nllAt(t)).toBeGreaterThan(fit.nllAfter);
  });

  it('stops at the lower bound when every row is right and separable (NLL falls as T shrinks)', () => {
    const probabilities = Float32Array.from([0.8, 0.2, 0.3, 0.7]);
    const fit = fitTemperature(probabilities, [0, 1], 2, { min: 0.1, max: 10 });
    expect(fit.temperature).toBeCloseTo(0.1, 6);
    expect(fit.atBound).toBe(true);
    // One row wrong: NLL has an interior minimum again.
    expect(fitTemperature(Float32Array.from([0.8, 0.2, 0.3, 0.7, 0.6, 0.4]), [0, 1, 1], 2).atBound).toBe(false);
  });

  it('is deterministic', () => {
    const { probabilities, labels } = distorted(500, 4, 0.7, 2);
    expect(fitTemperature(probabilities, labels, 4)).toEqual(fitTemperature(probabilities, labels, 4));
  });

  it('refuses bad arguments, naming them', () => {
    const p = Float32Array.from([0.5, 0.5]);
    expect(() => fitTemperature(p, [2], 2)).toThrow('fitTemperature: labels[0] must be below numClasses = 2, found 2');
    expect(() => fitTemperature(p, [], 2)).toThrow(/fitTemperature: labels must hold at least one row/);
    expect(() => fitTemperature(p, [0], 2, { min: 0 })).toThrow(/options.min\/max must satisfy 0 < min < max/);
  });
});

describe('temperatureScale', () => {
  it('computes softmax(log p / T): T = 1 returns p, T = 2 takes square roots, T → ∞ flattens; the argmax stays', () => {
    const p = Float32Array.from([0.9, 0.1, 0.36, 0.64]);
    expect(Array.from(temperatureScale(p, 2, 1))).toEqual(Array.from(p, (v) => expect.closeTo(v, 7)));
    const half = temperatureScale(p, 2, 2);
    expect(half[0]).toBeCloseTo(Math.sqrt(0.9) / (Math.sqrt(0.9) + Math.sqrt(0.1)), 7);
    expect(half[3]).toBeCloseTo(0.8 / (0.6 + 0.8), 7);
    const flat = temperatureScale(p, 2, 1e6);
    expect(flat[0]).toBeCloseTo(0.5, 5);
    expect(flat[0]).toBeGreaterThan(flat[1]);
    // A probability that rounded to 0 stays finite in log space and 0 in the result at T >= 1.
    expect(Array.from(temperatureScale(Float32Array.from([1, 0]), 2, 2))).toEqual([1, expect.closeTo(0, 20)]);
  });

  it('refuses a temperature that is not a positive finite number', () => {
    expect(() => temperatureScale(Float32Array.from([0.5, 0.5]), 2, 0)).toThrow(
      'temperatureScale: temperature must be a finite number > 0, found 0',
    );
  });
});
