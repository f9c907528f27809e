import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { TrainedModel } from './analyze-common.js';
import { writeJsonAtomic } from './atomic-write.js';
import { jobKey } from './model-job.js';
import { REGISTRY } from './experiments/registry.js';
import type { RunPlan } from './plan.js';
import { PROFILE_NAMES, type ProfileName } from './profiles.js';
import type { Environment } from './results.js';
import type { ShardSpec } from './shards.js';

export const SHARD_MANIFEST = 'shard.json';
const MANIFEST_VERSION = 1;

/** What a shard leaves for `merge`: which run it belongs to, which jobs it holds and where their outputs are. */
export interface ShardManifest {
  schemaVersion: number;
  profile: ProfileName;
  experiments: string[];
  seeds: number[];
  /** Fingerprint of the training code (code-fingerprint.ts); every shard and the merge must agree. */
  code: string;
  shard: ShardSpec;
  /** The cache folder holding the outputs, relative to the shard's folder when inside it. */
  cache: string;
  jobs: Array<{ key: string; hash: string; seconds: number; cached: boolean }>;
  environment: Omit<Environment, 'models'>;
}

export async function writeShardManifest(
  out: string,
  run: {
    plan: RunPlan;
    shard: ShardSpec;
    cacheRoot: string;
    trained: readonly TrainedModel[];
    environment: Omit<Environment, 'models'>;
  },
): Promise<void> {
  const inside = relative(resolve(out), resolve(run.cacheRoot));
  const manifest: ShardManifest = {
    schemaVersion: MANIFEST_VERSION,
    profile: run.plan.profile.name,
    experiments: run.plan.experiments,
    seeds: run.plan.seeds,
    code: run.plan.code,
    shard: run.shard,
    cache: inside.startsWith('..') || isAbsolute(inside) ? resolve(run.cacheRoot) : inside || '.',
    jobs: run.trained.map((t) => ({
      key: jobKey(t.job),
      hash: t.hash,
      seconds: Math.round(t.outputs.seconds * 10) / 10,
      cached: t.cached,
    })),
    environment: run.environment,
  };
  await writeJsonAtomic(join(out, SHARD_MANIFEST), manifest);
}

/** Reads and checks a shard's manifest; errors name the folder and the field. */
export async function readShardManifest(dir: string): Promise<ShardManifest & { dir: string; cacheRoot: string }> {
  const path = join(dir, SHARD_MANIFEST);
  let value: Partial<ShardManifest>;
  try {
    value = JSON.parse(await readFile(path, 'utf8')) as Partial<ShardManifest>;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT'
        ? `${dir}: no ${SHARD_MANIFEST} (not the --out folder of a finished 'reproduce --shard i/n' run)`
        : `${path}: not valid JSON (${(error as Error).message})`,
      { cause: error },
    );
  }
  const bad = (field: string, expected: string): never => {
    throw new Error(
      `${path}: ${field}: expected ${expected}, found ${JSON.stringify(value[field as keyof ShardManifest])}`,
    );
  };
  if (value.schemaVersion !== MANIFEST_VERSION) bad('schemaVersion', String(MANIFEST_VERSION));
  if (!PROFILE_NAMES.includes(value.profile as ProfileName)) bad('profile', PROFILE_NAMES.join(' | '));
  if (!Array.isArray(value.experiments) || !value.experiments.every((e) => REGISTRY.names.includes(e)))
    bad('experiments', 'a list of experiment names');
  if (!Array.isArray(value.seeds) || !value.seeds.every((s) => Number.isInteger(s) && s >= 0))
    bad('seeds', 'a list of integers >= 0');
  if (typeof value.code !== 'string' || value.code === '') bad('code', 'a code fingerprint');
  const shard = value.shard;
  if (
    !shard ||
    !Number.isInteger(shard.index) ||
    !Number.isInteger(shard.count) ||
    shard.index < 1 ||
    shard.index > shard.count
  )
    bad('shard', '{ index, count } with 1 <= index <= count');
  if (typeof value.cache !== 'string') bad('cache', 'a folder');
  if (!Array.isArray(value.jobs)) bad('jobs', 'a list');
  if (!value.environment || typeof value.environment !== 'object') bad('environment', 'an object');
  const manifest = value as ShardManifest;
  return { ...manifest, dir, cacheRoot: isAbsolute(manifest.cache) ? manifest.cache : resolve(dir, manifest.cache) };
}
