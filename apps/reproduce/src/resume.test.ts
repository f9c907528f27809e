import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointDir, hasOutputs } from './cache.js';
import { readOutputs } from './read-outputs.js';
import { configHash } from './config-hash.js';
import { spiral } from './experiments/spiral.js';
import type { ModelJob } from './model-job.js';
import { experimentJobs } from './plan.js';
import { killWorkers, runInWorker } from './worker-pool.js';

// A tiny manifold-mixup spiral model: 3 epochs of 144 examples, in a real worker process (dist/worker.js).
const base = experimentJobs(spiral, 'quick', { seed: 0, backend: 'wasm', code: 'test' })[1];
const job: ModelJob = {
  ...base,
  data: { ...base.data, kind: 'spiral', pointsPerClass: 100 } as ModelJob['data'],
  layers: base.layers.map((l) => ({ ...l, units: l.activation === 'softmax' ? 2 : 8 })),
  training: { ...base.training, epochs: 3 },
  outputs: { ...base.outputs, grid: { extent: 15, resolution: 12 }, trainingPointsPerClass: 10 },
};
const hash = configHash(job);
const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'reproduce-resume-'));
  dirs.push(dir);
  return dir;
};
beforeAll(() => {
  const worker = fileURLToPath(new URL('../dist/worker.js', import.meta.url));
  if (!existsSync(worker)) throw new Error(`${worker} is missing: run \`pnpm build\` first (turbo's test task does)`);
});
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('worker training with checkpoints', () => {
  it('a run killed after epoch 1 resumes and ends with exactly the outputs of an uninterrupted run', async () => {
    const whole = await tempDir();
    await runInWorker({ type: 'job', job, hash, cacheRoot: whole }, () => {});
    expect(hasOutputs(whole, hash)).toBe(true);

    const interrupted = await tempDir();
    let killed = false;
    const first = runInWorker({ type: 'job', job, hash, cacheRoot: interrupted }, (m) => {
      if (m.type === 'epoch' && !killed) {
        killed = true;
        killWorkers('SIGKILL');
      }
    });
    await expect(first).rejects.toThrow(/worker exited with signal SIGKILL before finishing/);
    expect(hasOutputs(interrupted, hash)).toBe(false);
    expect(existsSync(checkpointDir(interrupted, hash))).toBe(true);

    const epochsSeen: number[] = [];
    await runInWorker({ type: 'job', job, hash, cacheRoot: interrupted }, (m) => {
      if (m.type === 'epoch') epochsSeen.push(m.record.epoch);
    });
    expect(epochsSeen).toEqual([2, 3]); // epoch 1 came from the checkpoint

    const a = await readOutputs(whole, hash);
    const b = await readOutputs(interrupted, hash);
    // The resumed model's time counts epoch 1, trained by the killed process, besides its own.
    expect(b.seconds).toBeGreaterThanOrEqual(b.history.reduce((sum, h) => sum + h.seconds, 0));
    const strip = (h: typeof a.history) => h.map(({ seconds: _s, ...r }) => r);
    expect(strip(b.history)).toEqual(strip(a.history));
    expect(Object.keys(b.data).sort()).toEqual([
      'gridProbabilities',
      'testLabels',
      'testProbabilities',
      'testProbabilityGradientNorms',
      'trainingPointLabels',
      'trainingPoints',
      'validationLabels',
      'validationProbabilities',
    ]);
    for (const name of Object.keys(a.data)) expect(b.data[name], name).toEqual(a.data[name]);
  });
});
