import { describe, expect, it } from 'vitest';
import { activationIndex } from './build-model.js';
import { bottleneck12d } from './experiments/bottleneck-12d.js';
import { bottleneck2d } from './experiments/bottleneck-2d.js';
import { spiral } from './experiments/spiral.js';
import { allJobs, experimentJobs, planRun } from './plan.js';

const eligible = (layers: Array<{ eligible: boolean }>) => layers.flatMap((l, i) => (l.eligible ? [i] : []));

describe('experimentJobs (paper profile = the seed)', () => {
  it('spiral: 2 -> 1024 x7 -> 2, manifold mixup eligible at the last four Dense layers', () => {
    const [baseline, mixup] = experimentJobs(spiral, 'paper', { seed: 0, backend: 'wasm', code: 'test' });
    expect(baseline.layers.map((l) => l.units)).toEqual([1024, 1024, 1024, 1024, 1024, 1024, 1024, 2]);
    expect(eligible(baseline.layers)).toEqual([]);
    expect(eligible(mixup.layers)).toEqual([4, 5, 6, 7]);
    expect(mixup.training).toMatchObject({ epochs: 24, batchSize: 20 });
    expect(mixup.alpha).toBe(1);
  });

  it('2-D: mixing at the two layers after the bottleneck; codes after the bottleneck LeakyReLU', () => {
    const [, mixup] = experimentJobs(bottleneck2d, 'paper', { seed: 0, backend: 'wasm', code: 'test' });
    expect(mixup.layers.map((l) => l.units)).toEqual([1024, 1024, 2, 1024, 1024, 10]);
    expect(eligible(mixup.layers)).toEqual([3, 4]);
    expect(mixup.outputs.codes?.denseIndex).toBe(2);
    // Dense0 Leaky0 Dense1 Leaky1 Dense2 Leaky2: the bottleneck's activation is list entry 5
    expect(activationIndex(mixup, 2)).toBe(5);
  });

  it('12-D: baseline, input mixup (first layer), manifold mixup (the 12-D codes), weight decay, dropout; alpha 2', () => {
    const jobs = experimentJobs(bottleneck12d, 'paper', { seed: 3, backend: 'wasm', code: 'test' });
    expect(jobs.map((j) => j.model)).toEqual(['baseline', 'input-mixup', 'manifold-mixup', 'weight-decay', 'dropout']);
    expect(jobs[0].layers.map((l) => l.units)).toEqual([1024, 1024, 1024, 12, 1024, 1024, 1024, 1024, 10]);
    expect(jobs.map((j) => eligible(j.layers))).toEqual([[], [0], [4], [], []]);
    expect(jobs.map((j) => j.mixing)).toEqual(['none', 'input', 'manifold', 'none', 'none']);
    // weight decay: an L2 penalty on every kernel; dropout after every wide hidden layer only
    expect(jobs[3].layers.every((l) => l.l2 === 5e-5 && l.dropoutAfter === undefined)).toBe(true);
    expect(jobs[4].layers.map((l) => l.dropoutAfter ?? 0)).toEqual([0.2, 0.2, 0.2, 0, 0.2, 0.2, 0.2, 0.2, 0]);
    expect(
      jobs.slice(0, 3).every((l) => l.layers.every((d) => d.l2 === undefined && d.dropoutAfter === undefined)),
    ).toBe(true);
    // codes after the 12-D LeakyReLU: Dense Leaky Dropout x3, then Dense3 Leaky3 = entry 10 for dropout
    expect(activationIndex(jobs[4], 3)).toBe(10);
    expect(activationIndex(jobs[0], 3)).toBe(7);
    expect(jobs[0].outputs.fgsm).toEqual({ epsilons: [0, 0.05, 0.1, 0.2, 0.3], clip: [0, 1] });
    expect(jobs.every((j) => j.alpha === 2 && j.seed === 3 && j.data.seed === 3)).toBe(true);
    expect(jobs[2].outputs.codes).toEqual({ denseIndex: 3, perClass: null });
  });
});

describe('planRun', () => {
  it("plans every seed of every experiment given, named after it, with the profile's settings", () => {
    const plan = planRun('quick', [spiral, bottleneck12d], null, 'cpu', 'code-x');
    expect(plan.experiments).toEqual(['spiral', 'bottleneck-12d']);
    expect(plan.seeds).toBeNull(); // no --seeds: each experiment's own count
    expect(plan.jobsByExperiment.map((e) => e.seeds)).toEqual([
      [0, 1],
      [0, 1],
    ]); // the quick profile's two seeds
    expect(plan.jobsByExperiment.map((e) => e.bySeed.map((s) => s.jobs.length))).toEqual([
      [2, 2],
      [5, 5],
    ]);
    const jobs = allJobs(plan);
    expect(new Set(jobs.map((j) => j.experiment))).toEqual(new Set(['spiral', 'bottleneck-12d']));
    expect(jobs.every((j) => j.backend === 'cpu' && j.code === 'code-x')).toBe(true);
    expect(jobs[0].layers[0].units).toBe(spiral.settings.quick.width);
    expect(planRun('quick', [spiral], [4, 9], 'cpu', 'x').jobsByExperiment[0].bySeed.map((s) => s.seed)).toEqual([
      4, 9,
    ]);
  });
});
