import { describe, expect, it } from 'vitest';
import { syntheticResults } from './__fixtures__/synthetic-results.js';
import { judgeClaim, type ClaimSpec } from './claims.js';
import { bottleneck12d } from './experiments/bottleneck-12d.js';
import { varianceOutsideTop } from './experiments/bottleneck-12d-claims.js';
import { bottleneck2d } from './experiments/bottleneck-2d.js';
import { REGISTRY } from './experiments/registry.js';
import { spiral } from './experiments/spiral.js';
import type { ModelResults, ModelRun } from './results.js';

/** Two models whose statistic `x` per seed is given; the claim: model 'b' has the larger x. */
function pair(a: number[], b: number[]): { models: ModelResults[]; spec: ClaimSpec } {
  const runs = (xs: number[]) => xs.map((x, seed) => ({ seed, metrics: { ece: x } }) as unknown as ModelRun);
  return {
    models: [
      { model: 'a', label: 'a', mixing: 'none', runs: runs(a) },
      { model: 'b', label: 'b', mixing: 'manifold', runs: runs(b) },
    ],
    spec: {
      id: 't',
      statement: 's',
      source: 'p',
      label: 'l',
      effect: 'b − a',
      unit: '',
      compare: (run) => {
        const x = run('a').metrics.ece;
        const y = run('b').metrics.ece;
        return { effect: y - x, values: { a: x, b: y } };
      },
    },
  };
}

const byId = <T extends { id: string }>(claims: T[], id: string): T => {
  const found = claims.find((c) => c.id === id);
  if (!found) throw new Error(`no claim ${id}`);
  return found;
};

describe('judgeClaim', () => {
  it('pairs by seed: the effect is the per-seed difference, with mean and t interval', () => {
    const { models, spec } = pair([1, 2, 3, 4, 5], [2, 3.5, 3.5, 5, 6.5]);
    const claim = judgeClaim(spec, models, [0, 1, 2, 3, 4]);
    expect(claim.perSeed.map((s) => s.effect)).toEqual([1, 1.5, 0.5, 1, 1.5]);
    expect(claim.perSeed[1].values).toEqual({ a: 2, b: 3.5 });
    expect(claim.mean).toBeCloseTo(1.1, 12);
    // sd of the differences = √0.175; t(0.975, 4) = 2.7764451
    const half = 2.7764451 * Math.sqrt(0.175 / 5);
    expect(claim.interval.low).toBeCloseTo(1.1 - half, 6);
    expect(claim.interval.high).toBeCloseTo(1.1 + half, 6);
    expect(claim.interval.method).toBe('student-t');
    expect(claim.seedsAgreeing).toBe(5);
    expect(claim.verdict).toBe('supported');
  });

  it('a large unpaired spread does not hide a consistent paired effect', () => {
    // b is always a + 0.1 while a itself varies a lot from seed to seed.
    const a = [1, 10, 100, 5, 50];
    const { models, spec } = pair(
      a,
      a.map((x) => x + 0.1),
    );
    expect(judgeClaim(spec, models, [0, 1, 2, 3, 4]).verdict).toBe('supported');
  });

  it('contradicted when the interval lies below zero, inconclusive across it or with one seed', () => {
    const below = pair([2, 3, 4], [1, 2.1, 2.9]);
    expect(judgeClaim(below.spec, below.models, [0, 1, 2]).verdict).toBe('contradicted');
    const across = pair([1, 1, 1], [1.5, 0.5, 1.2]);
    const mixed = judgeClaim(across.spec, across.models, [0, 1, 2]);
    expect(mixed.verdict).toBe('inconclusive');
    expect(mixed.seedsAgreeing).toBe(2);
    const one = judgeClaim(across.spec, across.models, [0]);
    expect(one.verdict).toBe('inconclusive');
    expect(one.interval).toEqual({ low: null, high: null, level: 0.95, method: 'student-t' });
  });

  it('names a missing run', () => {
    const { models, spec } = pair([1, 2], [2, 3]);
    expect(() => judgeClaim(spec, models, [0, 7])).toThrow("claim t: no run of model 'a' with seed 7");
  });
});

describe('claim specs', () => {
  it('sign each effect so that > 0 is the claimed direction', () => {
    const spirals = syntheticResults(spiral);
    // synthetic: manifold mixup has more low-confidence area after scaling (+0.05; +0.1 raw, not the claim's),
    // less total variation (−10) and a lower mean gradient norm (−0.1)
    expect(byId(spirals.claims, 'spiral-low-confidence').perSeed[0].effect).toBeCloseTo(0.05, 12);
    expect(byId(spirals.claims, 'spiral-smoothness').perSeed[0].effect).toBeCloseTo(10, 12);
    expect(byId(spirals.claims, 'spiral-sharpness').perSeed[0].effect).toBeCloseTo(0.1, 12);
    expect(byId(spirals.claims, 'spiral-calibration').perSeed[0].effect).toBeCloseTo(0.01, 12);
    expect(spirals.claims.map((c) => c.verdict)).toEqual(['supported', 'supported', 'supported', 'supported']);
    const twoD = syntheticResults(bottleneck2d);
    expect(byId(twoD.claims, 'bottleneck-2d-silhouette').verdict).toBe('inconclusive');
    // A silhouette may be negative: no change relative to it; the margin is relative to the baseline's.
    expect(byId(twoD.claims, 'bottleneck-2d-silhouette').relativeChange).toBeNull();
    expect(byId(twoD.claims, 'bottleneck-2d-margin').reference).toBe('baseline');
  });

  it('12-D: flatter than the smaller of weight decay and dropout; Corollary 1 as directions against the baseline; FGSM mean over ε > 0', () => {
    const r = syntheticResults(bottleneck12d);
    // synthetic raw sum of others = 3·scale: manifold mixup (model 2) 3·(1 + s/10), weight decay 3·6, dropout 3·7
    const regularisers = byId(r.claims, 'bottleneck-12d-flatter-than-regularisers');
    expect(regularisers.perSeed[1].effect).toBeCloseTo(18 - 3.3, 10);
    expect(Object.keys(regularisers.perSeed[0].values).sort()).toEqual(['dropout', 'manifold mixup', 'weight decay']);
    expect(regularisers.reference).toBeNull();
    expect(regularisers.relativeChange).toBeNull();
    // 3 significant directions in every synthetic class, for every model: no difference
    expect(byId(r.claims, 'bottleneck-12d-corollary-1-directions').perSeed[0].effect).toBe(0);
    expect(byId(r.claims, 'bottleneck-12d-corollary-1-directions').verdict).toBe('inconclusive');
    expect(r.claims.map((c) => c.id)).not.toContain('bottleneck-12d-theorem-1');
    expect(r.claims.every((c) => c.primary === undefined)).toBe(true);
    // FGSM accuracy 0.9 − ε(2 − i/4): manifold mixup (i = 2) gains ε/2 over the baseline, averaged over ε > 0
    const eps = bottleneck12d.settings.quick.fgsmEpsilons.filter((e) => e > 0);
    const gain = eps.reduce((s, e) => s + (Math.max(0, 0.9 - 1.5 * e) - Math.max(0, 0.9 - 2 * e)), 0) / eps.length;
    expect(byId(r.claims, 'bottleneck-12d-fgsm').perSeed[0].effect).toBeCloseTo(gain, 12);
    expect(byId(r.claims, 'bottleneck-12d-fgsm').statement).toMatch(/cross-entropy FGSM up to ε = 0\.3 \(masked/);
  });

  it('12-D: the share of class variance outside the top 3 centred directions', () => {
    const run = (perClass: number[][]) =>
      ({
        seed: 0,
        analysis: {
          spectra: { centeredNormalized: { perClass: perClass.map((singularValues) => ({ singularValues })) } },
        },
      }) as unknown as ModelRun;
    // σ = 2, 1, 1, 1, 1: σ² 4, 1, 1, 1, 1 → outside the top 3: 2 of 8; a rank-3 class: 0. Mean 1/8.
    expect(
      varianceOutsideTop(
        run([
          [1, 2, 1, 1, 1],
          [3, 2, 1],
        ]),
        3,
      ),
    ).toBeCloseTo(0.125, 15);
    expect(varianceOutsideTop(run([[1, 1, 1, 1]]), 2)).toBeCloseTo(0.5, 15);
    expect(() => varianceOutsideTop({ seed: 4, analysis: {} } as unknown as ModelRun, 3)).toThrow('seed 4: no spectra');
  });

  it('every claim records d_z, its reference, the relative change and the exact sign-flip p', () => {
    const { models, spec } = pair([1, 2, 3, 4, 5], [2, 3.5, 3.5, 5, 6.5]);
    // values { a, b }: no 'manifold mixup' among them, so no reference unless the spec names one
    expect(judgeClaim(spec, models, [0, 1, 2, 3, 4]).reference).toBeNull();
    const claim = judgeClaim({ ...spec, reference: 'a' }, models, [0, 1, 2, 3, 4]);
    expect(claim.reference).toBe('a');
    expect(claim.relativeChange).toBeCloseTo(1.1 / 3, 12);
    expect(claim.dz).toBeCloseTo(1.1 / Math.sqrt(0.175), 12);
    expect(claim.p).toBe(1 / 32); // all five as claimed: 1 of 2^5 sign patterns
    expect(claim.primary).toBeUndefined();
    expect(() => judgeClaim({ ...spec, reference: 'c' }, models, [0, 1])).toThrow(
      "claim t: reference 'c': expected a finite value for every seed, seed 0 has none",
    );
    // one seed: no d_z
    expect(judgeClaim(spec, models, [0]).dz).toBeNull();
  });

  it('every claim id is unique across the experiments', () => {
    const ids = REGISTRY.experiments.flatMap((e) => e.claims(e.settings.quick).map((s) => s.id));
    expect(ids).toHaveLength(14 + 2 * 11);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
