import { describe, expect, it } from 'vitest';
import { judgeClaimFamily } from './claim-family.js';
import { pairedSummary } from './paired-summary.js';

const up5 = [1, 2, 3, 4, 5]; // one-sided p = 1/32
const down6 = [-1, -2, -3, -4, -5, -6]; // one-sided p = 1/64
const mixed = [1, -1, 2, -2, 0.5]; // P(S ≥ 0.5) = 16/32, P(S ≤ 0.5) = 20/32 (S = 0.5 for 4 of 32)

describe('judgeClaimFamily', () => {
  it('adjusts the sign-flip p-values with Holm over the family and judges each claim', () => {
    const result = judgeClaimFamily([
      { id: 'error', differences: up5, alternative: 'greater' },
      { id: 'nll', differences: down6, alternative: 'less' },
      { id: 'fgsm', differences: mixed, alternative: 'greater' },
    ]);
    expect(result.alpha).toBe(0.05);
    // Sorted: nll 1/64 × 3 = 0.046875, error 1/32 × 2 = 0.0625, fgsm 0.5 × 1.
    expect(result.claims.map((c) => c.p)).toEqual([1 / 32, 1 / 64, 0.5]);
    expect(result.claims.map((c) => c.adjustedP)).toEqual([0.0625, 0.046875, 0.5]);
    expect(result.claims.map((c) => c.verdict)).toEqual(['inconclusive', 'supported', 'inconclusive']);
    expect(result.claims.map((c) => c.oppositeP)).toEqual([1, 1, 20 / 32]);
    expect(result.claims.map((c) => c.id)).toEqual(['error', 'nll', 'fgsm']);
    expect(result.claims[1].summary).toEqual(pairedSummary(down6));
  });

  it('supports a lone claim that the family correction would have sunk', () => {
    const alone = judgeClaimFamily([{ id: 'error', differences: up5, alternative: 'greater' }]);
    expect(alone.claims[0]).toMatchObject({ p: 1 / 32, adjustedP: 1 / 32, verdict: 'supported' });
    const lenient = judgeClaimFamily(
      [
        { id: 'error', differences: up5, alternative: 'greater' },
        { id: 'nll', differences: down6, alternative: 'less' },
      ],
      { alpha: 0.1 },
    );
    expect(lenient.claims.map((c) => c.verdict)).toEqual(['supported', 'supported']);
  });

  it('calls a claim contradicted when, turned round in the same family, it would be supported', () => {
    const result = judgeClaimFamily([
      { id: 'error', differences: up5, alternative: 'greater' },
      { id: 'wrong-way', differences: down6, alternative: 'greater' },
    ]);
    const wrong = result.claims[1];
    expect(wrong.p).toBe(1);
    expect(wrong.adjustedP).toBe(1);
    expect(wrong.oppositeP).toBe(1 / 64);
    // The family with 'wrong-way' turned round: [1/32, 1/64] → 1/64 × 2.
    expect(wrong.oppositeAdjustedP).toBe(1 / 32);
    expect(wrong.verdict).toBe('contradicted');
    // 'error' keeps its own adjustment against wrong-way's claimed p of 1: 1/32 × 2.
    expect(result.claims[0]).toMatchObject({ adjustedP: 0.0625, oppositeAdjustedP: 1, verdict: 'inconclusive' });
  });

  it('leaves a claim inconclusive when the data lean the other way without significance', () => {
    const r = judgeClaimFamily([{ id: 'x', differences: [-1, 2, -3], alternative: 'greater' }]).claims[0];
    expect(r.summary.mean).toBeLessThan(0);
    expect(r.oppositeAdjustedP).toBeGreaterThan(0.05);
    expect(r.verdict).toBe('inconclusive');
  });

  it('judges a two-sided claim in either direction and never contradicts it', () => {
    const [up, down] = judgeClaimFamily(
      [
        { id: 'up', differences: [1, 2, 3, 4, 5, 6, 7], alternative: 'two-sided' },
        { id: 'down', differences: [-1, -2, -3, -4, -5, -6, -7], alternative: 'two-sided' },
      ],
      { alpha: 0.05 },
    ).claims;
    expect(up.p).toBe(2 / 128);
    expect(up.adjustedP).toBe(2 / 64);
    expect([up.verdict, down.verdict]).toEqual(['supported', 'supported']);
    expect([up.oppositeP, up.oppositeAdjustedP]).toEqual([null, null]);
  });

  it('passes the reference to the summary', () => {
    const [r] = judgeClaimFamily([
      { id: 'error', differences: [-0.01, -0.02], alternative: 'less', reference: [0.1, 0.2] },
    ]).claims;
    expect(r.summary.referenceMean).toBeCloseTo(0.15, 15);
    expect(r.summary.relativeChange).toBeCloseTo(-0.1, 15);
  });

  it('rejects a malformed family, naming the claim and field', () => {
    const ok = { id: 'a', differences: [1], alternative: 'greater' as const };
    expect(() => judgeClaimFamily([])).toThrow(
      new RangeError('judgeClaimFamily: claims must be a non-empty array of claims, found an empty array'),
    );
    expect(() => judgeClaimFamily(null as never)).toThrow(TypeError);
    expect(() => judgeClaimFamily([ok, 3 as never])).toThrow(
      new TypeError('judgeClaimFamily: claims[1] must be an object { id, differences, alternative }, found 3'),
    );
    expect(() => judgeClaimFamily([ok, { ...ok }])).toThrow(
      new RangeError("judgeClaimFamily: claims[1].id must be unique in the family, found 'a' again"),
    );
    expect(() => judgeClaimFamily([{ ...ok, id: '' }])).toThrow(RangeError);
    expect(() => judgeClaimFamily([{ ...ok, id: 7 as never }])).toThrow(
      new TypeError('judgeClaimFamily: claims[0].id must be a non-empty string, found 7'),
    );
    expect(() => judgeClaimFamily([ok, { ...ok, id: 'b', differences: [1, NaN] }])).toThrow(
      new RangeError('judgeClaimFamily: claims[1].differences[1] must be a finite number, found NaN'),
    );
    expect(() => judgeClaimFamily([{ ...ok, alternative: 'up' as never }])).toThrow(
      new RangeError("judgeClaimFamily: claims[0].alternative must be 'greater', 'less' or 'two-sided', found 'up'"),
    );
    expect(() => judgeClaimFamily([{ ...ok, reference: [1, 2] }])).toThrow(
      new RangeError(
        'judgeClaimFamily: claims[0].reference must hold one value per difference (1), found an array of length 2',
      ),
    );
    expect(() => judgeClaimFamily([ok], { alpha: 0 })).toThrow(
      new RangeError('judgeClaimFamily: options.alpha must lie in (0, 1), found 0'),
    );
  });
});
