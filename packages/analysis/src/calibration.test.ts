import { describe, expect, it } from 'vitest';
import { calibration } from './calibration.js';

describe('calibration', () => {
  it('matches a hand-computed case (confidence 1.0 falls in the last bin)', () => {
    const p = Float64Array.from([0.9, 0.1, 0.62, 0.38, 0.3, 0.7, 1, 0]);
    const labels = [0, 1, 1, 0];
    const result = calibration(p, labels, 2);
    expect(result.accuracy).toBe(0.75);
    expect(result.nll).toBeCloseTo(-(Math.log(0.9) + Math.log(0.38) + Math.log(0.7) + Math.log(1)) / 4, 12);
    // Bins 13, 9, 10, 14 hold one example each: gaps 0.1, 0.62, 0.3, 0.
    expect(result.ece).toBeCloseTo((0.1 + 0.62 + 0.3 + 0) / 4, 12);
    expect(result.mce).toBeCloseTo(0.62, 12);
    expect(result.bins).toHaveLength(15);
    expect(result.bins.map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1]);
    expect(result.bins[9]).toEqual({ lower: 9 / 15, upper: 10 / 15, confidence: 0.62, accuracy: 0, count: 1 });
    expect(result.bins[14]).toMatchObject({ upper: 1, confidence: 1, accuracy: 1 });
    expect(result.bins[0]).toEqual({ lower: 0, upper: 1 / 15, confidence: 0, accuracy: 0, count: 0 });
  });

  it('averages within a bin before taking the gap', () => {
    // Both confidences 0.8 (bin 12 of 15); one right, one wrong: gap |0.5 - 0.8| = 0.3.
    const result = calibration(Float32Array.from([0.8, 0.2, 0.8, 0.2]), [0, 1], 2);
    expect(result.ece).toBeCloseTo(0.3, 6);
    expect(result.bins[12].count).toBe(2);
    // With 2 bins, confidence 0.5 is the lower edge of the upper bin.
    expect(calibration(Float32Array.from([0.5, 0.5]), [0], 2, { bins: 2 }).bins.map((b) => b.count)).toEqual([0, 1]);
  });

  it('is 0 for a perfectly calibrated predictor and clips the NLL at 1e-12', () => {
    const p = Float32Array.from([0.75, 0.25, 0.75, 0.25, 0.75, 0.25, 0.75, 0.25]);
    expect(calibration(p, [0, 0, 0, 1], 2).ece).toBeCloseTo(0, 6);
    expect(calibration(Float32Array.from([1, 0]), [1], 2).nll).toBeCloseTo(-Math.log(1e-12), 10);
  });

  it('rejects bad labels and probabilities by position', () => {
    expect(() => calibration(Float32Array.from([0.5, 0.5]), [2], 2)).toThrow(/labels\[0\] = 2/);
    expect(() => calibration(Float32Array.from([0.5, NaN]), [0], 2)).toThrow(/class 1 in row 0 is NaN/);
    expect(() => calibration(Float32Array.from([0.5, 0.5, 1, 0]), [0], 2)).toThrow(/expected 1 x 2 = 2/);
    expect(() => calibration(new Float32Array(0), [], 2)).toThrow(/at least one example/);
  });
});

describe('calibration, arguments', () => {
  it('takes any integer number of bins >= 1 and names a bad one', () => {
    // One bin: |accuracy - mean confidence| = |0.5 - 0.85|.
    expect(calibration(Float32Array.from([0.9, 0.1, 0.2, 0.8]), [1, 1], 2, { bins: 1 }).ece).toBeCloseTo(0.35, 6);
    for (const bins of [0, 1.5]) {
      expect(() => calibration(Float32Array.from([0.5, 0.5]), [0], 2, { bins })).toThrow(
        new RegExp(`calibration: bins must be an integer >= 1, found ${bins}`),
      );
    }
  });

  it('names itself in argument errors', () => {
    expect(() => calibration(Float32Array.from([0.5, 0.5]), null as never, 2)).toThrow(/^calibration: labels/);
    expect(() => calibration(Float32Array.from([0.5, 0.5]), [-1], 2)).toThrow(/^calibration: labels\[0\]/);
    expect(() => calibration(Float32Array.from([0.5]), [0], 2)).toThrow(/^calibration: expected 1 x 2/);
  });

  it('throws a TypeError for arguments of the wrong kind and a RangeError for values out of range', () => {
    const p = Float32Array.from([0.5, 0.5]);
    expect(() => calibration(p, null as never, 2)).toThrow(
      new TypeError('calibration: labels must be an array of class indices, found null'),
    );
    expect(() => calibration([0.5, 0.5] as never, [0], 2)).toThrow(
      new TypeError('calibration: probabilities must be a Float32Array or Float64Array, found an array of length 2'),
    );
    expect(() => calibration(new Float32Array(0), new Int32Array(0), 2)).toThrow(
      new RangeError('calibration: labels must hold at least one example, found an Int32Array of length 0'),
    );
    expect(() => calibration(p, [0], 1)).toThrow(
      new RangeError('calibration: numClasses must be an integer >= 2, found 1'),
    );
    expect(() => calibration(p, [2], 2)).toThrow(RangeError);
    expect(() => calibration(p, [0], 2, { bins: 0 })).toThrow(RangeError);
  });
});
