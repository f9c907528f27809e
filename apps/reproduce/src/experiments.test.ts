import { describe, expect, it } from 'vitest';
import { activationIndex } from './build-model.js';
import { experimentJobs } from './experiments.js';
import { PROFILES } from './profiles.js';

const eligible = (layers: Array<{ eligible: boolean }>) => layers.flatMap((l, i) => (l.eligible ? [i] : []));

describe('experimentJobs (paper profile = the seed)', () => {
  const p = PROFILES.paper;

  it('spiral: 2 -> 1024 x7 -> 2, manifold mixup eligible at the last four Dense layers', () => {
    const [baseline, mixup] = experimentJobs(p, 'spiral', { seed: 0, backend: 'wasm', code: 'test' });
    expect(baseline.layers.map((l) => l.units)).toEqual([1024, 1024, 1024, 1024, 1024, 1024, 1024, 2]);
    expect(eligible(baseline.layers)).toEqual([]);
    expect(eligible(mixup.layers)).toEqual([4, 5, 6, 7]);
    expect(mixup.training).toMatchObject({ epochs: 24, batchSize: 20 });
    expect(mixup.alpha).toBe(1);
  });

  it('2-D: mixing at the two layers after the bottleneck; codes after the bottleneck LeakyReLU', () => {
    const [, mixup] = experimentJobs(p, 'bottleneck-2d', { seed: 0, backend: 'wasm', code: 'test' });
    expect(mixup.layers.map((l) => l.units)).toEqual([1024, 1024, 2, 1024, 1024, 10]);
    expect(eligible(mixup.layers)).toEqual([3, 4]);
    expect(mixup.outputs.codes?.denseIndex).toBe(2);
    // Dense0 Leaky0 Dense1 Leaky1 Dense2 Leaky2: the bottleneck's activation is list entry 5
    expect(activationIndex(mixup, 2)).toBe(5);
  });

  it('12-D: baseline, input mixup (first layer), manifold mixup (the 12-D codes), alpha 2', () => {
    const jobs = experimentJobs(p, 'bottleneck-12d', { seed: 3, backend: 'wasm', code: 'test' });
    expect(jobs.map((j) => j.model)).toEqual(['baseline', 'input-mixup', 'manifold-mixup']);
    expect(jobs[0].layers.map((l) => l.units)).toEqual([1024, 1024, 1024, 12, 1024, 1024, 1024, 1024, 10]);
    expect(jobs.map((j) => eligible(j.layers))).toEqual([[], [0], [4]]);
    expect(jobs.every((j) => j.alpha === 2 && j.seed === 3 && j.data.seed === 3)).toBe(true);
    expect(jobs[2].outputs.codes).toEqual({ denseIndex: 3, perClass: null });
  });
});
