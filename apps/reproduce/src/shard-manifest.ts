import { isAbsolute, join, relative, resolve } from 'node:path';
import type { TrainedModel } from './analyze-common.js';
import { writeJsonAtomic } from './atomic-write.js';
import { CONFIG_HASH } from './config-hash.js';
import { RUN_ENVIRONMENT } from './environment-shape.js';
import { REGISTRY } from './experiments/registry.js';
import { FileFormatError } from './file-format-error.js';
import { isReallyInside, realPath } from './inside-folder.js';
import {
  allOf,
  array,
  boolean,
  distinct,
  member,
  nullable,
  number,
  object,
  oneOf,
  requireShape,
  show,
  string,
} from './json-shape.js';
import { JOB_KEY, jobKey } from './model-job.js';
import type { RunPlan } from './plan.js';
import { MAX_SEEDS, PROFILE_NAMES, type ProfileName } from './profiles.js';
import { readBoundedJson } from './read-bounded.js';
import type { Environment } from './results.js';
import { MAX_SHARD_COUNT, type ShardSpec } from './shards.js';

export const SHARD_MANIFEST = 'shard.json';
const MANIFEST_VERSION = 1;

/** What a shard leaves for `merge`: which run it belongs to, which jobs it holds and where their outputs are. */
export interface ShardManifest {
  schemaVersion: number;
  profile: ProfileName;
  experiments: string[];
  /** --seeds (every experiment's seeds); null: each experiment's own count in the profile. */
  seeds: number[] | null;
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

/** Far more than a manifest of 10,000 jobs needs. */
export const MAX_SHARD_MANIFEST_BYTES = 16 * 1024 * 1024;

const MANIFEST = object({
  schemaVersion: oneOf([MANIFEST_VERSION]),
  profile: oneOf(PROFILE_NAMES),
  experiments: allOf(array(oneOf(REGISTRY.names), { min: 1 }), distinct('experiments')),
  seeds: nullable(allOf(array(number({ min: 0, integer: true }), { min: 1, max: MAX_SEEDS }), distinct('seeds'))),
  code: string(/^[\w.-]{1,64}$/, 'a code fingerprint (letters, digits, . and -)'),
  shard: allOf(
    object({
      index: number({ min: 1, max: MAX_SHARD_COUNT, integer: true }),
      count: number({ min: 1, max: MAX_SHARD_COUNT, integer: true }),
    }),
    (value, field, problems) => {
      const { index, count } = value as ShardSpec;
      if (index > count)
        problems.push({ field: member(field, 'index'), expected: `at most count (${count})`, found: show(index) });
    },
  ),
  cache: string(),
  jobs: array(
    object({
      key: string(JOB_KEY, '<experiment>/<model>/seed-<n>'),
      hash: string(CONFIG_HASH, '16 lowercase hex digits'),
      seconds: number({ min: 0 }),
      cached: boolean,
    }),
  ),
  environment: object(RUN_ENVIRONMENT),
});

/**
 * The folder a manifest's `cache` names, which must really be (links followed) inside the shard's folder,
 * or inside `sharedCache`: the shared cache the user gave merge with --cache. A manifest can never make
 * merge read anywhere else.
 */
async function cacheFolder(dir: string, cache: string, sharedCache: string | null, file: string): Promise<string> {
  const folder = isAbsolute(cache) ? cache : resolve(dir, cache);
  const allowed = sharedCache === null ? [dir] : [dir, sharedCache];
  if (!(await isReallyInside(allowed, folder))) {
    const real = await realPath(folder);
    throw new FileFormatError(
      'OUTSIDE_FOLDER',
      { file, field: 'cache' },
      sharedCache === null
        ? `a folder inside ${dir} or the shared cache given to merge with --cache`
        : `a folder inside ${dir} or inside the shared cache ${sharedCache} (--cache)`,
      real === resolve(folder) ? show(cache) : `${show(cache)}, a link to ${real}`,
    );
  }
  return folder;
}

/**
 * Reads and checks a shard's manifest, a file from elsewhere: at most MAX_SHARD_MANIFEST_BYTES, every
 * field checked (a job's key and hash of their exact form, never a path), and its cache folder inside
 * the shard's folder or `sharedCache`. Throws a FileFormatError naming the file and the field.
 */
export async function readShardManifest(
  dir: string,
  { sharedCache = null }: { sharedCache?: string | null } = {},
): Promise<ShardManifest & { dir: string; cacheRoot: string }> {
  const path = join(dir, SHARD_MANIFEST);
  let value: unknown;
  try {
    value = await readBoundedJson(path, { bytes: MAX_SHARD_MANIFEST_BYTES, name: 'MAX_SHARD_MANIFEST_BYTES' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${dir}: no ${SHARD_MANIFEST} (not the --out folder of a finished 'reproduce --shard i/n' run)`, {
        cause: error,
      });
    throw error;
  }
  const manifest = requireShape<ShardManifest>(value, MANIFEST, path);
  return { ...manifest, dir, cacheRoot: await cacheFolder(dir, manifest.cache, sharedCache, path) };
}
