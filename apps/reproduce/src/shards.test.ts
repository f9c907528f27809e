import { describe, expect, it } from 'vitest';
import { EXPERIMENTS } from './experiments/registry.js';
import { estimatedCost } from './model-job.js';
import { experimentJobs } from './plan.js';
import { assignShards, parseShard } from './shards.js';

const defaultJobs = EXPERIMENTS.flatMap((experiment) =>
  [0, 1, 2, 3, 4].flatMap((seed) => experimentJobs(experiment, 'default', { seed, backend: 'wasm', code: 'x' })),
);
const key = (j: (typeof defaultJobs)[number]) => `${j.experiment}/${j.model}/seed-${j.seed}`;

describe('assignShards', () => {
  it('puts every job in exactly one shard', () => {
    for (const n of [1, 2, 3, 7, 45, 60]) {
      const shards = assignShards(defaultJobs, n, estimatedCost, key);
      expect(shards).toHaveLength(n);
      const all = shards.flat().map(key).sort();
      expect(all).toEqual(defaultJobs.map(key).sort());
    }
  });

  it('balances by cost: every shard within the largest job of the mean', () => {
    const largest = Math.max(...defaultJobs.map(estimatedCost));
    for (const n of [2, 3, 4, 8]) {
      const loads = assignShards(defaultJobs, n, estimatedCost, key).map((s) =>
        s.reduce((t, j) => t + estimatedCost(j), 0),
      );
      const mean = loads.reduce((a, b) => a + b, 0) / n;
      for (const load of loads) expect(Math.abs(load - mean)).toBeLessThanOrEqual(largest);
    }
    // By count alone the 12-D shard would be far heavier; by cost the spread is a few percent here.
    const loads = assignShards(defaultJobs, 3, estimatedCost, key).map((s) =>
      s.reduce((t, j) => t + estimatedCost(j), 0),
    );
    expect(Math.max(...loads) / Math.min(...loads)).toBeLessThan(1.1);
  });

  it('is a pure function of the job list: input order does not matter, results are stable', () => {
    const a = assignShards(defaultJobs, 3, estimatedCost, key).map((s) => s.map(key).sort());
    const b = assignShards([...defaultJobs].reverse(), 3, estimatedCost, key).map((s) => s.map(key).sort());
    expect(b).toEqual(a);
    // Pinned: shard 1 of 3 starts with these jobs on every machine.
    expect(a[0].slice(0, 2)).toEqual(['bottleneck-12d/baseline/seed-0', 'bottleneck-12d/baseline/seed-3']);
  });

  it('rejects a bad count and duplicate jobs', () => {
    expect(() => assignShards(defaultJobs, 0, estimatedCost, key)).toThrow(
      new RangeError('assignShards: count must be an integer >= 1, found 0'),
    );
    expect(() => assignShards([defaultJobs[0], defaultJobs[0]], 2, estimatedCost, key)).toThrow(
      new RangeError(`assignShards: jobs must have distinct keys, found job '${key(defaultJobs[0])}' twice`),
    );
  });
});

describe('parseShard', () => {
  it('reads i/n and rejects everything else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '1/0', '3', 'a/b', '-1/2', '1.5/3'])
      expect(parseShard(bad)).toMatch(/expected i\/n with integers 1 <= i <= n/);
    expect(parseShard('1/10001')).toBe("expected at most 10000 shards, found '1/10001'");
  });
});
