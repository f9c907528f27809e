import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHARD_PLAN, writeShards as writeShardFolders } from './__fixtures__/shard-folders.js';
import { configHash } from './config-hash.js';
import { collectShards } from './merge.js';
import { estimatedCost, jobKey, type ModelJob } from './model-job.js';
import { allJobs } from './plan.js';
import { readShardManifest, type ShardManifest } from './shard-manifest.js';
import { assignShards } from './shards.js';
import { MergeError } from './merge-error.js';

let root: string;
const plan = SHARD_PLAN;
const writeShards = (count: number, edit?: (m: ShardManifest, i: number) => void) =>
  writeShardFolders(root, count, edit);

const load = (dirs: string[]) => Promise.all(dirs.map((d) => readShardManifest(d)));

/** A job's entry in a manifest, as a shard lists it. */
const entry = (job: ModelJob): ShardManifest['jobs'][number] => ({
  key: jobKey(job),
  hash: configHash(job),
  seconds: 1,
  cached: false,
});

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'reproduce-merge-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('merge', () => {
  it('accepts the complete shards of one run, in any order, and returns every job once', async () => {
    const dirs = await writeShards(3);
    const { trained } = await collectShards(await load([dirs[2], dirs[0], dirs[1]]), 'code-a');
    expect(trained.map((t) => jobKey(t.job))).toEqual(allJobs(plan).map(jobKey));
  });

  it('refuses a missing shard', async () => {
    const dirs = await writeShards(3);
    await expect(collectShards(await load([dirs[0], dirs[2]]), 'code-a')).rejects.toThrow('merge: shard 2/3 missing');
    // The input's fault: the CLI prints MergeError's message without a stack trace.
    await expect(collectShards(await load([dirs[0], dirs[2]]), 'code-a')).rejects.toBeInstanceOf(MergeError);
  });

  it('refuses a duplicated shard, naming both folders', async () => {
    const dirs = await writeShards(3);
    await expect(collectShards(await load([dirs[0], dirs[1], dirs[1]]), 'code-a')).rejects.toThrow(
      `merge: ${dirs[1]} and ${dirs[1]} are both shard 2/3`,
    );
  });

  it('refuses shards from different code, seeds or shard counts, naming the folder', async () => {
    const code = await writeShards(2, (m, i) => {
      if (i === 1) m.code = 'code-b';
    });
    await expect(collectShards(await load(code), 'code-a')).rejects.toThrow(
      `merge: ${code[1]} has code fingerprint code-b but ${code[0]} has code-a: shards of different runs`,
    );
    await rm(root, { recursive: true });
    const seeds = await writeShards(2, (m, i) => {
      if (i === 1) m.seeds = [0, 1, 2];
    });
    await expect(collectShards(await load(seeds), 'code-a')).rejects.toThrow(/has seeds 0,1,2 but .* has 0,1/);
  });

  it("refuses shards trained by other code than the merging checkout's", async () => {
    const dirs = await writeShards(2);
    await expect(collectShards(await load(dirs), 'code-z')).rejects.toThrow(
      /the shards were trained by code code-a, this checkout's training code is code-z/,
    );
  });

  it('refuses a job in two shards, a job in none, and missing outputs', async () => {
    const twice = await writeShards(2);
    const manifests = await load(twice);
    manifests[1].jobs.push(manifests[0].jobs[0]);
    await expect(collectShards(manifests, 'code-a')).rejects.toThrow(
      `merge: job ${manifests[0].jobs[0].key} is in both ${twice[0]} and ${twice[1]}`,
    );
    const none = await load(twice);
    const dropped = none[0].jobs.pop();
    await expect(collectShards(none, 'code-a')).rejects.toThrow(
      `merge: job ${dropped?.key} (${dropped?.hash}) is in no shard`,
    );
    const gone = await load(twice);
    await rm(join(twice[1], 'cache', gone[1].jobs[0].hash), { recursive: true });
    await expect(collectShards(gone, 'code-a')).rejects.toThrow(
      `merge: ${twice[1]}: the outputs of ${gone[1].jobs[0].key} are missing`,
    );
  });

  it("refuses a shard whose job list is not the plan's for that shard, naming the job", async () => {
    // Two shards that swapped a job each: every job is still in exactly one shard, but not in its own.
    const [first, second] = assignShards(allJobs(plan), 2, estimatedCost, jobKey);
    const swapped = await writeShards(2, (m, i) => {
      m.jobs[0] = entry(i === 0 ? second[0] : first[0]);
    });
    await expect(collectShards(await load(swapped), 'code-a')).rejects.toThrow(
      `merge: ${swapped[0]}/shard.json: jobs[0]: job ${jobKey(second[0])} is not in shard 1/2 of the plan (it is in 2/2)`,
    );
    await rm(root, { recursive: true });
    // A job listed under another job's key: the key must be that of the job the plan gives this hash.
    const renamed = await writeShards(1, (m) => {
      m.jobs[0].key = m.jobs[1].key;
    });
    // One shard lists the plan's jobs in order: jobs[0] is the plan's first job.
    const [job0, job1] = allJobs(plan);
    await expect(collectShards(await load(renamed), 'code-a')).rejects.toThrow(
      `merge: ${renamed[0]}/shard.json: jobs[0].key: expected ${jobKey(job0)} (the plan's job of hash ${configHash(job0)}), found ${jobKey(job1)}`,
    );
  });

  it('reads outputs only from the cache inside a shard folder, or the shared cache given to merge', async () => {
    const shared = join(root, 'shared');
    const dirs = await writeShards(1, (m) => {
      m.cache = shared;
    });
    // The shard's outputs, moved to the shared cache as a run with --cache would have left them.
    await rename(join(dirs[0], 'cache'), shared);
    await expect(readShardManifest(dirs[0])).rejects.toThrow(
      `${dirs[0]}/shard.json: cache: expected a folder inside ${dirs[0]} or the shared cache given to merge with --cache, found "${shared}"`,
    );
    const manifest = await readShardManifest(dirs[0], { sharedCache: shared });
    expect(manifest.cacheRoot).toBe(shared);
    const { trained } = await collectShards([manifest], 'code-a');
    expect(trained).toHaveLength(allJobs(plan).length);
  });

  it('says when a folder is not a shard', async () => {
    await expect(readShardManifest(root)).rejects.toThrow(`${root}: no shard.json (not the --out folder of a finished`);
  });
});
