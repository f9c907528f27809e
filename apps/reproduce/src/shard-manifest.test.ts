import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeShards } from './__fixtures__/shard-folders.js';
import { FileFormatError } from './file-format-error.js';
import { MAX_SHARD_MANIFEST_BYTES, readShardManifest, SHARD_MANIFEST, type ShardManifest } from './shard-manifest.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'reproduce-manifest-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** One shard folder whose manifest went through `edit` (any JSON, whatever the type says). */
async function crafted(edit: (m: Record<string, unknown> & ShardManifest) => void): Promise<string> {
  const [dir] = await writeShards(root, 1, (m) => edit(m as Record<string, unknown> & ShardManifest));
  return dir;
}

/** Reading the manifest fails with a FileFormatError naming shard.json, then `message`. */
async function refused(dir: string, message: string): Promise<void> {
  const error = await readShardManifest(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileFormatError);
  expect((error as FileFormatError).file).toBe(join(dir, SHARD_MANIFEST));
  expect((error as Error).message).toBe(`${join(dir, SHARD_MANIFEST)}: ${message}`);
}

describe('a crafted shard.json', () => {
  it('with a job key or hash that is a path: refused, naming the job', async () => {
    for (const key of ['../../etc/passwd', '/etc/passwd']) {
      const dir = await crafted((m) => {
        m.jobs[0].key = key;
      });
      await refused(dir, `jobs[0].key: expected <experiment>/<model>/seed-<n>, found "${key}"`);
      const byHash = await crafted((m) => {
        m.jobs[0].hash = key;
      });
      await refused(byHash, `jobs[0].hash: expected 16 lowercase hex digits, found "${key}"`);
    }
  });

  it('with a cache folder outside the shard folder: refused unless it is the shared cache given to merge', async () => {
    for (const cache of ['../../outside', '/etc', 'cache/../../x']) {
      const dir = await crafted((m) => {
        m.cache = cache;
      });
      await refused(
        dir,
        `cache: expected a folder inside ${dir} or the shared cache given to merge with --cache, found "${cache}"`,
      );
    }
    const dir = await crafted((m) => {
      m.cache = '/etc';
    });
    expect((await readShardManifest(dir, { sharedCache: '/etc' })).cacheRoot).toBe('/etc');
    await expect(readShardManifest(dir, { sharedCache: '/usr' })).rejects.toThrow(FileFormatError);
  });

  it('with huge lists or counts: refused before anything is allocated from them', async () => {
    await refused(
      await crafted((m) => {
        m.seeds = Array.from({ length: 1001 }, (_, i) => i);
      }),
      'seeds: expected null or an array of 1 to 1000 items, found an array of length 1001',
    );
    await refused(
      await crafted((m) => {
        m.shard = { index: 1, count: 1e15 };
      }),
      'shard.count: expected an integer in [1, 10000], found 1000000000000000',
    );
    await refused(
      await crafted((m) => {
        m.jobs = { length: 1e12 } as unknown as ShardManifest['jobs'];
      }),
      'jobs: expected an array, found an object',
    );
    await refused(
      await crafted((m) => {
        m.seeds = [0, 1, 1];
      }),
      'seeds: expected null or distinct seeds, found 1 twice',
    );
  });

  it('with nested junk or wrong types: refused, naming the field', async () => {
    const cases: Array<[(m: Record<string, unknown> & ShardManifest) => void, string]> = [
      [
        (m) => (m.environment.backend = [[[[1]]]] as never),
        'environment.backend: expected an object, found an array of length 1',
      ],
      [(m) => (m.jobs[0] = [[[]]] as never), 'jobs[0]: expected an object, found an array of length 1'],
      [(m) => (m.jobs[0].cached = 'yes' as never), 'jobs[0].cached: expected true or false, found "yes"'],
      [(m) => (m.environment.workers = '2' as never), 'environment.workers: expected an integer >= 1, found "2"'],
      [(m) => (m.seeds = ['0', 1] as never), 'seeds[0]: expected an integer >= 0, found "0"'],
      [
        (m) => (m.experiments = ['spiral/../x'] as never),
        'experiments[0]: expected one of "spiral", "bottleneck-2d", "bottleneck-12d", "generalisation", ' +
          '"generalisation-fashion-mnist", found "spiral/../x"',
      ],
      [(m) => (m.jobs[0].seconds = -1), 'jobs[0].seconds: expected a finite number >= 0, found -1'],
    ];
    for (const [edit, message] of cases) await refused(await crafted(edit), message);
  });

  it('larger than MAX_SHARD_MANIFEST_BYTES: refused by its size, unparsed', async () => {
    const [dir] = await writeShards(root, 1);
    const path = join(dir, SHARD_MANIFEST);
    await writeFile(path, ' '.repeat(MAX_SHARD_MANIFEST_BYTES + 1));
    await refused(
      dir,
      `size: expected at most ${MAX_SHARD_MANIFEST_BYTES} bytes (MAX_SHARD_MANIFEST_BYTES), found ${MAX_SHARD_MANIFEST_BYTES + 1} bytes`,
    );
  });
});
