import { describe, expect, it } from 'vitest';
import { numberedSet, originalIndices } from './__fixtures__/sets.js';
import { trainValidationTestSplit } from './train-validation-test-split.js';

describe('trainValidationTestSplit', () => {
  it("has the seed's sizes: 10% test, then 10% of the rest for validation", () => {
    const { train, validation, test } = trainValidationTestSplit(numberedSet(4000), {
      testFraction: 0.1,
      validationFraction: 0.1,
      seed: 0,
    });
    expect([train.n, validation.n, test.n]).toEqual([3240, 360, 400]);
  });

  it('rounds part sizes up like scikit-learn', () => {
    const { train, validation, test } = trainValidationTestSplit(numberedSet(11), {
      testFraction: 0.1,
      validationFraction: 0.25,
      seed: 0,
    });
    expect([train.n, validation.n, test.n]).toEqual([6, 3, 2]); // ceil(1.1) = 2 test, ceil(0.25 * 9) = 3 validation
  });

  it('gives disjoint parts that cover the set with rows intact and labels attached', () => {
    const set = numberedSet(1000);
    const parts = trainValidationTestSplit(set, { testFraction: 0.2, validationFraction: 0.3, seed: 4 });
    const all = [...originalIndices(parts.train), ...originalIndices(parts.validation), ...originalIndices(parts.test)];
    expect(new Set(all).size).toBe(1000);
    for (const part of [parts.train, parts.validation, parts.test]) {
      originalIndices(part).forEach((i, j) => expect(part.y[j]).toBe(i % 3));
      expect(part.numClasses).toBe(3);
    }
  });

  it('is deterministic per seed and shuffles differently for another seed', () => {
    const set = numberedSet(500);
    const options = { testFraction: 0.1, validationFraction: 0.1, seed: 8 };
    const a = trainValidationTestSplit(set, options);
    const b = trainValidationTestSplit(set, options);
    const c = trainValidationTestSplit(set, { ...options, seed: 9 });
    expect(originalIndices(b.test)).toEqual(originalIndices(a.test));
    expect(originalIndices(b.train)).toEqual(originalIndices(a.train));
    expect(originalIndices(c.test)).not.toEqual(originalIndices(a.test));
  });

  it('rejects fractions outside [0, 1)', () => {
    const set = numberedSet(10);
    expect(() => trainValidationTestSplit(set, { testFraction: 1, validationFraction: 0.1, seed: 0 })).toThrow(
      /testFraction must be in \[0, 1\), found 1/,
    );
    expect(() => trainValidationTestSplit(set, { testFraction: 0.1, validationFraction: -0.1, seed: 0 })).toThrow(
      /validationFraction must be in \[0, 1\), found -0.1/,
    );
    expect(() => trainValidationTestSplit(set, { testFraction: NaN, validationFraction: 0.1, seed: 0 })).toThrow(
      new RangeError('trainValidationTestSplit: testFraction must be in [0, 1), found NaN'),
    );
  });
});
