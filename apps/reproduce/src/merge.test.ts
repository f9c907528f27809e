import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configHash } from './config-hash.js';
import { collectShards } from './merge.js';
import { spiral } from './experiments/spiral.js';
import { jobKey, estimatedCost } from './model-job.js';
import { allJobs, planRun } from './plan.js';
import { readShardManifest, SHARD_MANIFEST, type ShardManifest } from './shard-manifest.js';
import { assignShards } from './shards.js';

let root: string;
const plan = planRun('quick', [spiral], [0, 1], 'wasm', 'code-a');
const environment = {
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

/** Writes `count` shard folders of `plan` as a real --shard run would, with fake outputs in each cache. */
async function writeShards(count: number, edit: (m: ShardManifest, i: number) => void = () => {}): Promise<string[]> {
  const shards = assignShards(allJobs(plan), count, estimatedCost, jobKey);
  const dirs: string[] = [];
  for (const [i, jobs] of shards.entries()) {
    const dir = join(root, `shard-${i + 1}`);
    for (const job of jobs) {
      await mkdir(join(dir, 'cache', configHash(job), 'result'), { recursive: true });
      await writeFile(join(dir, 'cache', configHash(job), 'result', 'outputs.json'), '{"arrays":{},"history":[]}');
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
      environment,
    };
    edit(manifest, i);
    await writeFile(join(dir, SHARD_MANIFEST), JSON.stringify(manifest));
    dirs.push(dir);
  }
  return dirs;
}

const load = (dirs: string[]) => Promise.all(dirs.map((d) => readShardManifest(d)));

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

  it('says when a folder is not a shard', async () => {
    await expect(readShardManifest(root)).rejects.toThrow(`${root}: no shard.json (not the --out folder of a finished`);
  });
});
