import { cpus } from 'node:os';
import { hasOutputs } from './cache.js';
import { readOutputs } from './read-outputs.js';
import { configHash } from './config-hash.js';
import { runQueue } from './job-queue.js';
import { estimatedCost, jobKey, type ModelJob } from './model-job.js';
import type { Progress } from './progress.js';
import type { TrainedModel } from './analyze-common.js';
import { killWorkers, runInWorker } from './worker-pool.js';
import { duration } from './markdown.js';

export function defaultWorkers(backendThreads: number, jobs: number): number {
  const cores = cpus().length;
  return Math.max(1, Math.min(backendThreads > 1 ? 1 : cores, jobs));
}

/**
 * Trains every job whose outputs are not cached yet, largest first, `workers` at a time, each in its
 * own process; then loads every job's outputs. Returns them in the order of `jobs`.
 */
export async function trainAll(
  jobs: readonly ModelJob[],
  options: { cacheRoot: string; workers: number; progress: Progress },
): Promise<TrainedModel[]> {
  const { cacheRoot, workers, progress } = options;
  const hashed = jobs.map((job) => ({
    job,
    hash: configHash(job),
    key: jobKey(job),
  }));
  const pending = hashed.filter((h) => !hasOutputs(cacheRoot, h.hash));
  const cached = new Set(hashed.filter((h) => !pending.includes(h)).map((h) => h.hash));
  for (const h of hashed) if (cached.has(h.hash)) progress.log(`${h.key}: cached (${h.hash}), not retrained`);
  pending.sort((a, b) => estimatedCost(b.job) - estimatedCost(a.job));
  if (pending.length > 0)
    progress.log(`training ${pending.length} model(s) with ${Math.min(workers, pending.length)} worker process(es)`);
  await runQueue(pending, workers, async ({ job, hash, key }) => {
    progress.start(key, key, job.training.epochs);
    try {
      const { seconds } = await runInWorker({ type: 'job', job, hash, cacheRoot }, (m) => {
        if (m.type === 'batch') progress.batch(key, m);
        else if (m.type === 'epoch') progress.epoch(key, m.record);
      });
      progress.finish(key, `${key}: trained in ${duration(seconds)} (${hash})`);
    } catch (error) {
      // Fail fast: stop the other workers too (their finished epochs are checkpointed for the rerun).
      progress.finish(key, `${key}: failed`);
      killWorkers();
      throw error;
    }
  });
  const trained: TrainedModel[] = [];
  for (const { job, hash } of hashed) {
    trained.push({ job, hash, outputs: await readOutputs(cacheRoot, hash), cached: cached.has(hash), cacheRoot });
  }
  return trained;
}
