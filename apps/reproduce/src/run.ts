import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initBackend } from '@manifold-mixup/mixup-core';
import type { CliOptions } from './args.js';
import { codeFingerprint } from './code-fingerprint.js';
import { backendRecord, gitState, machine, packageVersions } from './environment.js';
import { REGISTRY } from './experiments/registry.js';
import { duration } from './markdown.js';
import { estimatedCost, jobKey } from './model-job.js';
import { allJobs, describeSeeds, planRun, type RunPlan } from './plan.js';
import type { Progress } from './progress.js';
import { publish } from './publish.js';
import { SHARD_MANIFEST, writeShardManifest } from './shard-manifest.js';
import { assignShards } from './shards.js';
import { defaultWorkers, trainAll } from './train-all.js';

/**
 * The run: train (or reuse) every model of the chosen experiments for every seed, then analyse and
 * write figures, results and README into --out; with --shard only this shard's models, and a shard.json
 * instead of figures and README. Returns the plan, or null for a shard (which publishes nothing).
 */
export async function runExperiments(options: CliOptions, progress: Progress): Promise<RunPlan | null> {
  const startedAt = new Date();
  const t0 = performance.now();
  // One thread per process: independent models in parallel processes use the cores better than
  // one model on all of them (the workers do the same, so results never depend on threads).
  const backend = await initBackend(options.backend, { threads: 1 });
  const experiments = options.experiments.map((name) => REGISTRY.get(name));
  const plan = planRun(options.profile, experiments, options.seeds, backend.name, codeFingerprint());
  const everyJob = allJobs(plan);
  const shard = options.shard;
  const jobs = shard ? assignShards(everyJob, shard.count, estimatedCost, jobKey)[shard.index - 1] : everyJob;
  const workers = options.workers ?? defaultWorkers(backend.threads, jobs.length);
  const cacheRoot = options.cache ?? join(options.out, '.reproduce-cache');
  progress.log(
    `profile ${plan.profile.name} (${plan.profile.description}); ` +
      `experiments ${plan.experiments.join(', ')}; seeds ${describeSeeds(plan)}; ` +
      `backend ${backend.name} (${backend.threads} thread(s)); code ${plan.code}; workers ${workers}; out ${options.out}` +
      (shard ? `; shard ${shard.index}/${shard.count}: ${jobs.length} of ${everyJob.length} models` : ''),
  );
  const trained = await trainAll(jobs, { cacheRoot, workers, progress });
  const environmentBase = {
    ...machine(),
    backend: backendRecord(backend),
    packages: packageVersions(),
    git: gitState(fileURLToPath(new URL('.', import.meta.url))),
    workers,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    runSeconds: Math.round((performance.now() - t0) / 100) / 10,
  };
  if (shard) {
    await writeShardManifest(options.out, { plan, shard, cacheRoot, trained, environment: environmentBase });
    progress.log(
      `done in ${duration((performance.now() - t0) / 1000)}: shard ${shard.index}/${shard.count} of ${jobs.length} models; ` +
        `${join(options.out, SHARD_MANIFEST)} lists them for 'merge'`,
    );
    return null;
  }
  await publish(options.out, plan, trained, environmentBase, { png: options.png, progress });
  progress.log(
    `done in ${duration((performance.now() - t0) / 1000)}: figures/, results/ and README.md in ${options.out}`,
  );
  return plan;
}
