import { mulberry32 } from '@manifold-mixup/random';
import { describe, expect, it } from 'vitest';
import { type Alternative, SIGN_FLIP_MAX_NON_ZERO, signFlipTest } from './sign-flip.js';

/** The definition, literally: every one of the 2^n assignments, in integers so that ties are exact. */
function bruteForceP(d: readonly number[], alternative: Alternative): number {
  const observed = d.reduce((a, b) => a + b, 0);
  let count = 0;
  for (let mask = 0; mask < 2 ** d.length; mask++) {
    const s = d.reduce((acc, v, i) => acc + ((mask >> i) & 1 ? -v : v), 0);
    if (
      alternative === 'greater'
        ? s >= observed
        : alternative === 'less'
          ? s <= observed
          : Math.abs(s) >= Math.abs(observed)
    )
      count++;
  }
  return count / 2 ** d.length;
}

describe('signFlipTest', () => {
  it('gives 1/32 one-sided for five positive differences: only the observed signs reach their mean', () => {
    const r = signFlipTest([1, 2, 3, 4, 5], 'greater');
    expect(r).toEqual({ n: 5, nonZero: 5, observedMean: 3, alternative: 'greater', p: 1 / 32 });
    expect(signFlipTest([1, 2, 3, 4, 5], 'two-sided').p).toBe(2 / 32);
    expect(signFlipTest([1, 2, 3, 4, 5], 'less').p).toBe(1);
    expect(signFlipTest([-1, -2, -3, -4, -5], 'less').p).toBe(1 / 32);
  });

  it('counts ties with the observed mean, the observed assignment included', () => {
    // ±1 ±2 ±3 gives 6, 4, 2, 0, 0, −2, −4, −6: observed 0, five sums ≥ 0, five ≤ 0, all |·| ≥ 0.
    expect(signFlipTest([1, 2, -3], 'greater').p).toBe(5 / 8);
    expect(signFlipTest([1, 2, -3], 'less').p).toBe(5 / 8);
    expect(signFlipTest([1, 2, -3], 'two-sided').p).toBe(1);
    // Equal magnitudes: sum = 2k − 4 for k plus signs; observed k = 3 (sum 2).
    expect(signFlipTest([1, 1, 1, -1], 'greater').p).toBe(5 / 16); // k ≥ 3: 4 + 1
    expect(signFlipTest([1, 1, 1, -1], 'two-sided').p).toBe(10 / 16); // k ∈ {0, 1, 3, 4}
  });

  it('treats sums that tie in decimal as ties although they differ in binary', () => {
    // 0.1 + 0.2 − 0.3 = 5.6e-17 and −0.1 − 0.2 + 0.3 = −5.6e-17 in doubles; both are 0.
    expect(signFlipTest([-0.1, -0.2, 0.3], 'less').p).toBe(5 / 8);
    expect(signFlipTest([-0.1, -0.2, 0.3], 'greater').p).toBe(5 / 8);
    expect(signFlipTest([0.1, 0.2, -0.3], 'less').p).toBe(5 / 8);
  });

  it('leaves zero differences out of the flips: they add the same to every assignment', () => {
    const r = signFlipTest([1, 0, 2, 0], 'greater');
    expect(r.n).toBe(4);
    expect(r.nonZero).toBe(2);
    expect(r.observedMean).toBe(0.75);
    expect(r.p).toBe(1 / 4); // sums 3, 1, −1, −3 over the two non-zero values
    expect(signFlipTest([0, 0, 0], 'greater').p).toBe(1);
    expect(signFlipTest([0, 0, 0], 'two-sided').p).toBe(1);
    expect(signFlipTest([0, 0, 0], 'less').p).toBe(1);
  });

  it('agrees with brute-force enumeration on random integer vectors (ties included)', () => {
    const rng = mulberry32(7);
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + Math.floor(rng() * 11);
      const d = Array.from({ length: n }, () => Math.floor(rng() * 9) - 3);
      for (const alternative of ['greater', 'less', 'two-sided'] as const)
        expect(signFlipTest(d, alternative).p, `${alternative} [${d.join(', ')}]`).toBe(bruteForceP(d, alternative));
    }
  });

  it('is exact at p = 2^-n for 30 differences of one sign', () => {
    const d = Array.from({ length: 30 }, (_, i) => 0.001 * (i + 1));
    expect(signFlipTest(d, 'greater').p).toBe(2 ** -30);
    expect(signFlipTest(d, 'two-sided').p).toBe(2 ** -29);
  });

  it('refuses more non-zero differences than it enumerates, naming n and the limit', () => {
    const many = Array.from({ length: SIGN_FLIP_MAX_NON_ZERO + 1 }, () => 1);
    expect(() => signFlipTest(many, 'greater')).toThrow(
      new RangeError(
        'signFlipTest: differences must hold at most 40 non-zero values (2^40 assignments), found 41 non-zero of n = 41',
      ),
    );
    // Zeros do not count against the limit.
    expect(signFlipTest([...Array.from({ length: 30 }, () => 0), 1, 2], 'greater').p).toBe(1 / 4);
  });

  it('rejects bad input with the convention’s errors', () => {
    expect(() => signFlipTest([], 'greater')).toThrow(
      new RangeError('signFlipTest: differences must be a non-empty array of finite numbers, found an empty array'),
    );
    expect(() => signFlipTest([1, NaN], 'greater')).toThrow(
      new RangeError('signFlipTest: differences[1] must be a finite number, found NaN'),
    );
    expect(() => signFlipTest(Float64Array.of(1) as never, 'greater')).toThrow(TypeError);
    expect(() => signFlipTest([1], 'bigger' as never)).toThrow(
      new RangeError("signFlipTest: alternative must be 'greater', 'less' or 'two-sided', found 'bigger'"),
    );
    expect(() => signFlipTest([1], undefined as never)).toThrow(TypeError);
  });
});
