import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrainedModel } from './analyze-common.js';
import { initBackend } from '@manifold-mixup/mixup-core';
import type { BackendChoice, CliOptions } from './args.js';
import { hasOutputs } from './cache.js';
import { codeFingerprint } from './code-fingerprint.js';
import { configHash } from './config-hash.js';
import { backendRecord, gitState, machine, packageVersions } from './environment.js';
import { REGISTRY } from './experiments/registry.js';
import { estimatedCost, jobKey, type ModelJob } from './model-job.js';
import type { Progress } from './progress.js';
import { allJobs, describeSeeds, planRun, type RunPlan } from './plan.js';
import { publish } from './publish.js';
import type { Environment } from './results.js';
import { readOutputs } from './read-outputs.js';
import { readShardManifest, SHARD_MANIFEST, type ShardManifest } from './shard-manifest.js';
import { assignShards } from './shards.js';
import { MergeError } from './merge-error.js';

type Loaded = ShardManifest & { dir: string; cacheRoot: string };

/**
 * Every shard lists exactly the jobs the plan assigns to it (the split is recomputed here, as each
 * shard computed it), each under its own key: a manifest cannot move, rename or invent a job.
 */
function checkAssignment(
  shards: readonly Loaded[],
  expected: ReadonlyArray<{ job: ModelJob; hash: string; key: string }>,
  count: number,
): void {
  const split = assignShards(
    [...expected],
    count,
    (e) => estimatedCost(e.job),
    (e) => e.key,
  );
  const planned = new Map<string, { key: string; shard: number }>();
  split.forEach((jobs, i) => jobs.forEach((e) => planned.set(e.hash, { key: e.key, shard: i + 1 })));
  for (const m of shards) {
    const file = join(m.dir, SHARD_MANIFEST);
    m.jobs.forEach((job, j) => {
      const plan = planned.get(job.hash) as { key: string; shard: number };
      if (job.key !== plan.key)
        throw new MergeError(
          `merge: ${file}: jobs[${j}].key: expected ${plan.key} (the plan's job of hash ${job.hash}), found ${job.key}`,
        );
      if (plan.shard !== m.shard.index)
        throw new MergeError(
          `merge: ${file}: jobs[${j}]: job ${job.key} is not in shard ${m.shard.index}/${count} of the plan (it is in ${plan.shard}/${count})`,
        );
    });
  }
}

/**
 * Checks that `shards` are the complete, non-overlapping shards of one run (same profile, experiments,
 * seeds, training code and shard count; every shard index once; every job of the run in exactly one
 * shard, the one the plan assigns it to, its outputs present) and returns the run's trained models.
 * Throws, naming the shard folder, on the first inconsistency; reads outputs only once everything
 * checks out, and only from the jobs' cache folders (hashes recomputed from the plan).
 */
export async function collectShards(
  shards: readonly Loaded[],
  code: string,
): Promise<{ plan: RunPlan; trained: TrainedModel[] }> {
  if (shards.length === 0)
    throw new MergeError('merge: give the --out folders of the shards, e.g. merge out/1 out/2 out/3');
  const first = shards[0];
  const same = (field: string, value: (m: Loaded) => string) => {
    for (const m of shards.slice(1)) {
      if (value(m) !== value(first))
        throw new MergeError(
          `merge: ${m.dir} has ${field} ${value(m)} but ${first.dir} has ${value(first)}: shards of different runs`,
        );
    }
  };
  same('profile', (m) => m.profile);
  same('experiments', (m) => m.experiments.join(','));
  same('seeds', (m) => (m.seeds === null ? 'of each experiment' : m.seeds.join(',')));
  same('code fingerprint', (m) => m.code);
  same('backend', (m) => m.environment.backend.name);
  same('shard count', (m) => String(m.shard.count));
  const count = first.shard.count;
  const byIndex = new Map<number, Loaded>();
  for (const m of shards) {
    const other = byIndex.get(m.shard.index);
    if (other) throw new MergeError(`merge: ${other.dir} and ${m.dir} are both shard ${m.shard.index}/${count}`);
    byIndex.set(m.shard.index, m);
  }
  if (byIndex.size < count) {
    // The first few: `count` comes from a file, the loop stops early.
    const missing: number[] = [];
    for (let i = 1; i <= count && missing.length < 10; i++) if (!byIndex.has(i)) missing.push(i);
    const more = count - byIndex.size > missing.length ? `, ... (${count - byIndex.size} in all)` : '';
    throw new MergeError(
      `merge: shard${count - byIndex.size > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')}${more} missing`,
    );
  }
  if (first.code !== code)
    throw new MergeError(
      `merge: the shards were trained by code ${first.code}, this checkout's training code is ${code}; ` +
        'merge with the code that trained them',
    );

  const experiments = first.experiments.map((name) => REGISTRY.get(name));
  const plan = planRun(first.profile, experiments, first.seeds, first.environment.backend.name, first.code);
  const holder = new Map<string, { shard: Loaded; job: ShardManifest['jobs'][number] }>();
  for (const m of shards) {
    for (const job of m.jobs) {
      const other = holder.get(job.hash);
      if (other) throw new MergeError(`merge: job ${job.key} is in both ${other.shard.dir} and ${m.dir}`);
      holder.set(job.hash, { shard: m, job });
    }
  }
  const expected = allJobs(plan).map((job) => ({ job, hash: configHash(job), key: jobKey(job) }));
  const wanted = new Set(expected.map((e) => e.hash));
  for (const [hash, { shard, job }] of holder)
    if (!wanted.has(hash))
      throw new MergeError(`merge: ${shard.dir} lists job ${job.key} (${hash}), which is not part of this run`);
  for (const { key, hash } of expected) {
    if (!holder.has(hash)) throw new MergeError(`merge: job ${key} (${hash}) is in no shard`);
  }
  checkAssignment(shards, expected, count);
  for (const { key, hash } of expected) {
    const found = holder.get(hash) as { shard: Loaded };
    if (!hasOutputs(found.shard.cacheRoot, hash))
      throw new MergeError(
        `merge: ${found.shard.dir}: the outputs of ${key} are missing from ${found.shard.cacheRoot}/${hash}`,
      );
  }
  const trained: TrainedModel[] = [];
  for (const { job, hash } of expected) {
    const found = holder.get(hash) as { shard: Loaded; job: ShardManifest['jobs'][number] };
    trained.push({
      job,
      hash,
      outputs: await readOutputs(found.shard.cacheRoot, hash),
      cached: found.job.cached,
      cacheRoot: found.shard.cacheRoot,
    });
  }
  return { plan, trained };
}

/** `reproduce merge DIR...`: check the shards, then analyse and write figures/, results/ and README into --out. */
export async function mergeShards(dirs: readonly string[], options: CliOptions, progress: Progress): Promise<RunPlan> {
  const t0 = performance.now();
  const shards: Loaded[] = [];
  // A cache outside a shard's folder is read only when it is the one given with --cache.
  const sharedCache = options.cache === null ? null : resolve(options.cache);
  for (const dir of dirs) shards.push(await readShardManifest(dir, { sharedCache }));
  const { plan, trained } = await collectShards(shards, codeFingerprint());
  const envs = shards.map((s) => s.environment);
  const environmentBase: Omit<Environment, 'models'> = {
    ...machine(),
    // Member by member: nothing a manifest holds beyond what is checked is copied into the results.
    backend: backendRecord(envs[0].backend),
    packages: packageVersions(),
    git: gitState(fileURLToPath(new URL('.', import.meta.url))),
    workers: envs.reduce((sum, e) => sum + e.workers, 0),
    startedAt: envs.map((e) => e.startedAt).sort()[0],
    finishedAt: envs.map((e) => e.finishedAt).sort()[envs.length - 1],
    // The shards ran side by side: the run took as long as its slowest shard.
    runSeconds: Math.max(...envs.map((e) => e.runSeconds)),
    shards: shards
      .map((s) => ({
        index: s.shard.index,
        count: s.shard.count,
        folder: basename(s.dir),
        models: s.jobs.length,
        runSeconds: s.environment.runSeconds,
        machine: `Node ${s.environment.node}, ${s.environment.platform}, ${s.environment.cpus} CPUs`,
      }))
      .sort((a, b) => a.index - b.index),
  };
  progress.log(
    `merge: ${shards.length} shards of profile ${plan.profile.name}, seeds ${describeSeeds(plan)}, code ${plan.code}: complete`,
  );
  // The analysis may evaluate trained models (an experiment's acrossSeeds): on the backend that trained them.
  await initBackend(plan.backend as BackendChoice, { threads: 1 });
  await publish(options.out, plan, trained, environmentBase, { png: options.png, progress });
  progress.log(
    `merged in ${((performance.now() - t0) / 1000).toFixed(1)} s: figures/, results/ and README.md in ${options.out}`,
  );
  return plan;
}
