import { describe, expect, it } from 'vitest';
import { syntheticExperiment } from '../__fixtures__/synthetic-results.js';
import type { ModelRun } from '../results.js';
import { allJobs, experimentSeeds, planRun } from '../plan.js';
import { generalisation, generalisationFashionMnist } from './generalisation.js';
import { PRIMARY_STATISTICS } from './generalisation-claims.js';
import { PRIMARY_CLAIMS, PRIMARY_SEEDS } from './generalisation-primary.js';
import { DEFAULT_EXPERIMENTS, REGISTRY } from './registry.js';

const settings = generalisation.settings.default;

describe('generalisation experiment', () => {
  it('judges exactly the declared primary claims, in order, marked primary; the rest are exploratory', () => {
    const specs = generalisation.claims(settings);
    const primary = specs.filter((s) => s.primary);
    expect(primary.map((s) => s.id)).toEqual(PRIMARY_CLAIMS.map((c) => c.id));
    expect(primary.map((s) => s.statement)).toEqual(PRIMARY_CLAIMS.map((c) => c.statement));
    expect(primary.map((s) => s.source)).toEqual(PRIMARY_CLAIMS.map((c) => c.source));
    expect(specs.slice(0, PRIMARY_CLAIMS.length)).toEqual(primary);
    expect(specs.length).toBeGreaterThan(PRIMARY_CLAIMS.length);
  });

  it("each primary compare() is the declared statistic's paired difference, signed > 0 in the claimed direction", () => {
    const { results } = syntheticExperiment(generalisation, [0, 1, 2]);
    const specs = generalisation.claims(settings).filter((s) => s.primary);
    for (const seed of [0, 1, 2]) {
      const run = (name: string): ModelRun => {
        const found = results.models.find((m) => m.model === name)?.runs.find((r) => r.seed === seed);
        if (!found) throw new Error(`no run ${name} ${seed}`);
        return found;
      };
      PRIMARY_CLAIMS.forEach((claim, i) => {
        const statistic = PRIMARY_STATISTICS[claim.statistic];
        const difference = statistic(run(claim.model)) - statistic(run(claim.reference));
        const { effect } = specs[i].compare(run);
        expect(effect).toBeCloseTo(claim.alternative === 'less' ? -difference : difference, 12);
      });
    }
  });

  it('computes the declared statistics from a run', () => {
    const run = {
      metrics: { accuracy: 0.9, nll: 0.3 },
      analysis: { flattening: { participationRatio: 7 } },
      attacks: { fgsm: [{ accuracy: 0.5 }, { accuracy: 0.7 }], pgd: [] },
      deformations: [{ accuracy: 0.2 }, { accuracy: 0.4 }, { accuracy: 0.9 }],
    } as unknown as ModelRun;
    expect(PRIMARY_STATISTICS['test-error'](run)).toBeCloseTo(0.1, 12);
    expect(PRIMARY_STATISTICS['test-nll'](run)).toBe(0.3);
    expect(PRIMARY_STATISTICS['participation-ratio'](run)).toBe(7);
    expect(PRIMARY_STATISTICS['fgsm-margin-accuracy'](run)).toBeCloseTo(0.6, 12);
    expect(PRIMARY_STATISTICS['deformed-accuracy'](run)).toBeCloseTo(0.5, 12);
  });

  it('has 10 seeds in the default profile, the spiral 15, the others their profile count; --seeds overrides all', () => {
    expect(experimentSeeds(generalisation, 'default', null)).toHaveLength(PRIMARY_SEEDS);
    expect(experimentSeeds(generalisation, 'quick', null)).toEqual([0, 1]);
    expect(experimentSeeds(REGISTRY.get('spiral'), 'default', null)).toHaveLength(15);
    expect(experimentSeeds(REGISTRY.get('bottleneck-12d'), 'default', null)).toEqual([0, 1, 2, 3, 4]);
    expect(experimentSeeds(generalisation, 'default', [3, 7])).toEqual([3, 7]);
    const plan = planRun('quick', [REGISTRY.get('spiral'), generalisation], null, 'wasm', 'test');
    expect(plan.seeds).toBeNull();
    expect(plan.jobsByExperiment.map((e) => e.seeds)).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(allJobs(planRun('default', [generalisation], null, 'wasm', 'test'))).toHaveLength(3 * PRIMARY_SEEDS);
  });

  it('trains three models per seed on the same data; only manifold mixup mixes the hidden layers', () => {
    const jobs = generalisation.jobs(settings, { experiment: 'generalisation', seed: 4, backend: 'wasm', code: 'x' });
    expect(jobs.map((j) => j.model)).toEqual(['baseline', 'input-mixup', 'manifold-mixup']);
    expect(jobs.map((j) => j.layers.map((l) => l.units))).toEqual(Array(3).fill([256, 256, 256, 10]));
    expect(jobs.map((j) => j.layers.map((l) => l.eligible))).toEqual([
      [false, false, false, false],
      [true, false, false, false],
      [true, true, true, false],
    ]);
    expect(jobs.map((j) => j.alpha)).toEqual([1, 1, 2]);
    for (const job of jobs) {
      expect(job.data).toEqual({ kind: 'image-subset', dataset: 'mnist', trainSize: 5000, testLimit: null, seed: 4 });
      expect(job.training).toEqual({ epochs: 60, batchSize: 100, learningRate: 1e-3, lrSchedule: null });
    }
  });

  it('leaves the Fashion-MNIST variant out of a run without --only', () => {
    expect(REGISTRY.names).toContain('generalisation-fashion-mnist');
    expect(DEFAULT_EXPERIMENTS).toContain('generalisation');
    expect(DEFAULT_EXPERIMENTS).not.toContain('generalisation-fashion-mnist');
    expect(generalisationFashionMnist.optIn).toBe(true);
  });
});
