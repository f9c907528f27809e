import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrainedModel } from './analyze-common.js';
import type { CliOptions } from './args.js';
import { hasOutputs, readOutputs } from './cache.js';
import { codeFingerprint } from './code-fingerprint.js';
import { configHash } from './config-hash.js';
import { gitState, machine, packageVersions } from './environment.js';
import { REGISTRY } from './experiments/registry.js';
import { jobKey } from './model-job.js';
import type { Progress } from './progress.js';
import { allJobs, planRun, type RunPlan } from './plan.js';
import { publish } from './publish.js';
import type { Environment } from './results.js';
import { readShardManifest, type ShardManifest } from './shard-manifest.js';

type Loaded = ShardManifest & { dir: string; cacheRoot: string };

/**
 * Checks that `shards` are the complete, non-overlapping shards of one run (same profile, experiments,
 * seeds, training code and shard count; every shard index once; every job of the run in exactly one
 * shard, its outputs present) and returns the run's trained models. Throws, naming the shard folder,
 * on the first inconsistency; reads outputs only once everything checks out.
 */
export async function collectShards(
  shards: readonly Loaded[],
  code: string,
): Promise<{ plan: RunPlan; trained: TrainedModel[] }> {
  if (shards.length === 0) throw new Error('merge: give the --out folders of the shards, e.g. merge out/1 out/2 out/3');
  const first = shards[0];
  const same = (field: string, value: (m: Loaded) => string) => {
    for (const m of shards.slice(1)) {
      if (value(m) !== value(first))
        throw new Error(
          `merge: ${m.dir} has ${field} ${value(m)} but ${first.dir} has ${value(first)}: shards of different runs`,
        );
    }
  };
  same('profile', (m) => m.profile);
  same('experiments', (m) => m.experiments.join(','));
  same('seeds', (m) => m.seeds.join(','));
  same('code fingerprint', (m) => m.code);
  same('backend', (m) => m.environment.backend.name);
  same('shard count', (m) => String(m.shard.count));
  const count = first.shard.count;
  const byIndex = new Map<number, Loaded>();
  for (const m of shards) {
    const other = byIndex.get(m.shard.index);
    if (other) throw new Error(`merge: ${other.dir} and ${m.dir} are both shard ${m.shard.index}/${count}`);
    byIndex.set(m.shard.index, m);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0)
    throw new Error(
      `merge: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing`,
    );
  if (first.code !== code)
    throw new Error(
      `merge: the shards were trained by code ${first.code}, this checkout's training code is ${code}; ` +
        'merge with the code that trained them',
    );

  const experiments = first.experiments.map((name) => REGISTRY.get(name));
  const plan = planRun(first.profile, experiments, first.seeds, first.environment.backend.name, first.code);
  const holder = new Map<string, { shard: Loaded; job: ShardManifest['jobs'][number] }>();
  for (const m of shards) {
    for (const job of m.jobs) {
      const other = holder.get(job.hash);
      if (other) throw new Error(`merge: job ${job.key} is in both ${other.shard.dir} and ${m.dir}`);
      holder.set(job.hash, { shard: m, job });
    }
  }
  const expected = allJobs(plan).map((job) => ({ job, hash: configHash(job), key: jobKey(job) }));
  const wanted = new Set(expected.map((e) => e.hash));
  for (const [hash, { shard, job }] of holder)
    if (!wanted.has(hash))
      throw new Error(`merge: ${shard.dir} lists job ${job.key} (${hash}), which is not part of this run`);
  for (const { key, hash } of expected) {
    const found = holder.get(hash);
    if (!found) throw new Error(`merge: job ${key} (${hash}) is in no shard`);
    if (!hasOutputs(found.shard.cacheRoot, hash))
      throw new Error(
        `merge: ${found.shard.dir}: the outputs of ${key} are missing from ${found.shard.cacheRoot}/${hash}`,
      );
  }
  const trained: TrainedModel[] = [];
  for (const { job, hash } of expected) {
    const found = holder.get(hash) as { shard: Loaded; job: ShardManifest['jobs'][number] };
    trained.push({ job, hash, outputs: await readOutputs(found.shard.cacheRoot, hash), cached: found.job.cached });
  }
  return { plan, trained };
}

/** `reproduce merge DIR...`: check the shards, then analyse and write figures/, results/ and README into --out. */
export async function mergeShards(dirs: readonly string[], options: CliOptions, progress: Progress): Promise<RunPlan> {
  const t0 = performance.now();
  const shards: Loaded[] = [];
  for (const dir of dirs) shards.push(await readShardManifest(dir));
  const { plan, trained } = await collectShards(shards, codeFingerprint());
  const envs = shards.map((s) => s.environment);
  const environmentBase: Omit<Environment, 'models'> = {
    ...machine(),
    backend: envs[0].backend,
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
    `merge: ${shards.length} shards of profile ${plan.profile.name}, seeds ${plan.seeds.join(', ')}, code ${plan.code}: complete`,
  );
  await publish(options.out, plan, trained, environmentBase, { png: options.png, progress });
  progress.log(
    `merged in ${((performance.now() - t0) / 1000).toFixed(1)} s: figures/, results/ and README.md in ${options.out}`,
  );
  return plan;
}
