import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signFlipTest } from '@manifold-mixup/analysis';
import { afterEach, describe, expect, it } from 'vitest';
import { writeConsistentOutputs } from './__fixtures__/consistent-outputs.js';
import { PRIMARY_EFFECTS, primaryToy, TEN_SEEDS } from './__fixtures__/primary-experiment.js';
import { syntheticResults } from './__fixtures__/synthetic-results.js';
import { checkOutputs } from './check-outputs.js';
import { judgeClaim } from './claims.js';
import { bottleneck12d } from './experiments/bottleneck-12d.js';
import { FAMILY_ALPHA, PRIMARY_CLAIMS } from './experiments/generalisation-primary.js';
import { spiral } from './experiments/spiral.js';
import { experimentRegistry } from './experiments/registry.js';
import { judgePrimaryFamily, judgeWithKept, primaryFamilyProblems } from './primary-family.js';
import type { Claim, ExperimentResults } from './results.js';

const byId = (r: ExperimentResults, id: string): Claim => {
  const found = r.claims.find((c) => c.id === id);
  if (!found) throw new Error(`no claim ${id}`);
  return found;
};

describe('the primary family', () => {
  const results = syntheticResults(primaryToy, TEN_SEEDS);

  it('judges the seven declared claims together with Holm, over 10 seeds', () => {
    const primary = results.claims.filter((c) => c.primary);
    expect(primary.map((c) => c.id)).toEqual(PRIMARY_CLAIMS.map((c) => c.id));
    for (const c of primary) {
      expect(c.holm?.familySize).toBe(7);
      expect(c.holm?.alpha).toBe(FAMILY_ALPHA);
    }
    // Every seed as claimed: p = 2^-10, Holm ×7 (the smallest p of seven) = 0.0068 ≤ 0.05.
    const strong = byId(results, 'test-error-vs-baseline');
    expect(strong.p).toBe(1 / 1024);
    expect(strong.holm?.adjustedP).toBeCloseTo(7 / 1024, 15);
    expect(strong.verdict).toBe('supported');
    // Every seed against the claim: the turned-round test is as strong, so contradicted.
    expect(byId(results, 'test-nll-vs-baseline').verdict).toBe('contradicted');
    expect(byId(results, 'test-nll-vs-baseline').holm?.oppositeAdjustedP).toBeCloseTo(7 / 1024, 15);
  });

  it('a claim significant alone is not supported once the family is adjusted', () => {
    const c = byId(results, 'test-error-vs-input-mixup');
    expect(c.p).toBe(signFlipTest(PRIMARY_EFFECTS['test-error-vs-input-mixup'], 'greater').p);
    expect(c.p).toBe(1 / 64); // < 0.05 unadjusted
    expect(c.holm?.adjustedP).toBeCloseTo(6 / 64, 15); // second smallest of seven: ×6 > 0.05
    expect(c.verdict).toBe('inconclusive');
    // The interval rule, unadjusted, would have called it supported: that is the exploratory verdict.
    expect(c.interval.low).toBeGreaterThan(0);
  });

  it('records d_z, the relative change against the reference and the seeds agreeing for every claim', () => {
    const c = byId(results, 'test-error-vs-baseline');
    const effects = PRIMARY_EFFECTS['test-error-vs-baseline'].map((e) => e / 1000);
    const mean = effects.reduce((a, b) => a + b) / 10;
    const sd = Math.sqrt(effects.reduce((s, e) => s + (e - mean) ** 2, 0) / 9);
    expect(c.dz).toBeCloseTo(mean / sd, 12);
    expect(c.reference).toBe('baseline');
    expect(c.relativeChange).toBeCloseTo(mean / 0.1, 12);
    expect(c.seedsAgreeing).toBe(10);
    const exploratory = byId(results, 'bottleneck-12d-calibration');
    expect(exploratory.primary).toBeUndefined();
    expect(exploratory.holm).toBeUndefined();
    expect(exploratory.p).toBeGreaterThan(0);
    // Corollary 1's direction is a difference of two models: relative to the baseline's directions.
    expect(byId(results, 'bottleneck-12d-corollary-1-directions').reference).toBe('baseline');
  });

  it('spans every experiment of a folder: a second experiment with primary claims enlarges the family', () => {
    const other = { ...results, experiment: 'other' };
    const [a] = judgePrimaryFamily([results, other]);
    expect(byId(a, 'test-error-vs-baseline').holm?.familySize).toBe(14);
    expect(byId(a, 'test-error-vs-baseline').holm?.adjustedP).toBeCloseTo(14 / 1024, 15);
    expect(primaryFamilyProblems([results, other])[0]).toMatch(
      /^results\/primary-toy.json: claims\[0\] \(test-error-vs-baseline\): holm.familySize: expected 14/,
    );
    expect(primaryFamilyProblems([results])).toEqual([]);
  });

  it('a run of one experiment re-judges the family with the results an earlier run left, and says which changed', () => {
    const spirals = syntheticResults(spiral, TEN_SEEDS);
    const other = { ...results, experiment: 'other' };
    // Alone, 'other' was judged as a family of 7; beside this run's primary-toy it is one of 14.
    const { judged, changed } = judgeWithKept([results], [other, spirals], ['spiral', 'primary-toy', 'other']);
    expect(judged.map((r) => r.experiment)).toEqual(['primary-toy']);
    expect(byId(judged[0], 'test-error-vs-baseline').holm?.familySize).toBe(14);
    expect(changed.map((r) => r.experiment)).toEqual(['other']);
    expect(byId(changed[0], 'test-error-vs-baseline').holm?.adjustedP).toBeCloseTo(14 / 1024, 15);
    // Kept results without primary claims never change; a rerun of the same experiment replaces the kept one.
    expect(judgeWithKept([results], [spirals, results], ['spiral', 'primary-toy']).changed).toEqual([]);
  });

  it('refuses a claim marked primary that was not declared', () => {
    const spec = { ...bottleneck12d.claims(bottleneck12d.settings.quick)[0], primary: true as const };
    expect(() => judgeClaim(spec, results.models, TEN_SEEDS)).toThrow(
      /claim bottleneck-12d-flatter-than-baseline: marked primary, expected one of the declared PRIMARY_CLAIMS/,
    );
  });
});

describe('--check of the primary family', () => {
  let out: string;
  const registry = experimentRegistry([primaryToy]);
  afterEach(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('fails on a tampered verdict, an exploratory claim made primary, or a stale Holm p', async () => {
    out = await mkdtemp(join(tmpdir(), 'reproduce-primary-'));
    await writeConsistentOutputs(out, registry, TEN_SEEDS);
    expect(await checkOutputs(out, registry)).toEqual([]);
    const path = join(out, 'results', 'primary-toy.json');
    const original = await readFile(path, 'utf8');
    const edit = async (change: (r: ExperimentResults) => void) => {
      const r = JSON.parse(original) as ExperimentResults;
      change(r);
      await writeFile(path, JSON.stringify(r));
      return checkOutputs(out, registry);
    };
    // The claim significant alone, called supported: its own Holm p says otherwise.
    expect(await edit((r) => void (r.claims[1].verdict = 'supported'))).toContainEqual(
      expect.stringMatching(
        /^results\/primary-toy.json: claims\[1\]\.verdict: expected 'inconclusive' \(from mean 0\.00199+6 and its Holm-adjusted p-values\), found supported$/,
      ),
    );
    // ... and with its adjusted p lowered to match, Holm over the family no longer gives that p.
    const lowered = await edit((r) => {
      r.claims[1].verdict = 'supported';
      (r.claims[1].holm as { adjustedP: number }).adjustedP = 0.04;
    });
    expect(lowered).toContainEqual(
      expect.stringMatching(
        /^results\/primary-toy.json: claims\[1\] \(test-error-vs-input-mixup\): holm.adjustedP: expected 0.09375/,
      ),
    );
    const exploratory = await edit((r) => {
      const c = r.claims.find((x) => x.id === 'bottleneck-12d-calibration') as Claim;
      c.primary = true;
    });
    expect(exploratory.join('\n')).toMatch(/\.id: expected one of the declared primary claims/);
    expect(exploratory.join('\n')).toMatch(/\.holm: expected the Holm judgement of a primary claim, found none/);
    expect(await edit((r) => void (r.claims[0].p = 0.5))).toContainEqual(
      expect.stringMatching(/claims\[0\]\.p: expected 0.0009765625 \(the exact sign-flip p/),
    );
    const interval = await edit((r) => {
      const c = r.claims.find((x) => x.id === 'bottleneck-12d-calibration') as Claim;
      c.verdict = c.verdict === 'supported' ? 'contradicted' : 'supported';
    });
    expect(interval.join('\n')).toMatch(/\.verdict: expected '\w+' \(from its 95% interval\)/);
  });
});
