import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { configHash } from '../config-hash.js';
import { spiral } from '../experiments/spiral.js';
import { estimatedCost, jobKey } from '../model-job.js';
import { allJobs, planRun } from '../plan.js';
import { SHARD_MANIFEST, type ShardManifest } from '../shard-manifest.js';
import { assignShards } from '../shards.js';

/** The run the shard tests split: the quick spiral, seeds 0 and 1 (four jobs), code 'code-a'. */
export const SHARD_PLAN = planRun('quick', [spiral], [0, 1], 'wasm', 'code-a');

export const SHARD_ENVIRONMENT: ShardManifest['environment'] = {
  node: '20.20.2',
  platform: 'linux x64',
  cpus: 2,
  backend: { name: 'wasm', requested: 'auto', threads: 1, tfjsVersion: '4.22.0' },
  packages: {},
  git: { commit: null, dirty: null },
  workers: 1,
  startedAt: '2026-12-01T00:00:00.000Z',
  finishedAt: '2026-12-01T00:01:00.000Z',
  runSeconds: 60,
};

/** A cache entry with no arrays, as writeOutputs leaves it. */
export const EMPTY_OUTPUTS = { history: [], backend: 'wasm', seconds: 1, arrays: {} };

/**
 * Writes `count` shard folders of SHARD_PLAN under `root` (shard-1, shard-2, ...) as a real --shard run
 * would, each with its cache in `cache/` holding an empty cache entry per job; `edit` may alter each
 * manifest before it is written. Returns the folders.
 */
export async function writeShards(
  root: string,
  count: number,
  edit: (manifest: ShardManifest, index: number) => void = () => {},
): Promise<string[]> {
  const shards = assignShards(allJobs(SHARD_PLAN), count, estimatedCost, jobKey);
  const dirs: string[] = [];
  for (const [i, jobs] of shards.entries()) {
    const dir = join(root, `shard-${i + 1}`);
    await mkdir(dir, { recursive: true });
    for (const job of jobs) {
      const result = join(dir, 'cache', configHash(job), 'result');
      await mkdir(result, { recursive: true });
      await writeFile(join(result, 'outputs.json'), JSON.stringify(EMPTY_OUTPUTS));
    }
    const manifest: ShardManifest = {
      schemaVersion: 1,
      profile: 'quick',
      experiments: ['spiral'],
      seeds: [0, 1],
      code: 'code-a',
      shard: { index: i + 1, count },
      cache: 'cache',
      jobs: jobs.map((job) => ({ key: jobKey(job), hash: configHash(job), seconds: 1, cached: false })),
      environment: structuredClone(SHARD_ENVIRONMENT),
    };
    edit(manifest, i);
    await writeFile(join(dir, SHARD_MANIFEST), JSON.stringify(manifest));
    dirs.push(dir);
  }
  return dirs;
}
