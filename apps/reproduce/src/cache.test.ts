import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasOutputs, writeOutputs } from './cache.js';
import { MAX_ARRAY_BYTES, MAX_OUTPUTS_BYTES, readOutputs } from './read-outputs.js';
import { FileFormatError } from './file-format-error.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'reproduce-cache-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const outputs = (seconds: number) => ({ history: [], backend: 'wasm', seconds });
const arrays = (value: number) => ({ codes: { data: new Float32Array(1000).fill(value), rows: 100, cols: 10 } });

describe('the model cache shared by several writers', () => {
  it('concurrent writers of one job leave one complete result and no temporary folder', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => writeOutputs(root, 'abc', outputs(i), arrays(1))));
    expect(hasOutputs(root, 'abc')).toBe(true);
    const read = await readOutputs(root, 'abc');
    expect(read.data.codes).toEqual(new Float32Array(1000).fill(1));
    expect(await readdir(join(root, 'abc'))).toEqual(['result']);
  });

  it('keeps a result another writer finished first', async () => {
    await writeOutputs(root, 'abc', outputs(1), arrays(1));
    await writeOutputs(root, 'abc', outputs(2), arrays(2));
    expect((await readOutputs(root, 'abc')).seconds).toBe(1);
    expect(await readdir(join(root, 'abc'))).toEqual(['result']);
  });

  it('rejects arrays whose length does not match their shape, writing nothing', async () => {
    await expect(
      writeOutputs(root, 'bad', outputs(1), { codes: { data: new Float32Array(5), rows: 2, cols: 3 } }),
    ).rejects.toThrow("writeOutputs: array 'codes' has 5 values, expected 2 x 3");
    expect(hasOutputs(root, 'bad')).toBe(false);
    expect(await readdir(join(root, 'bad'))).toEqual([]);
  });
});

describe('a crafted cache entry (a shard from elsewhere)', () => {
  /** A real entry of `codes` (100 x 10 float32) whose outputs.json then went through `edit`. */
  async function crafted(edit: (outputs: ReturnType<typeof JSON.parse>) => void): Promise<string> {
    await writeOutputs(root, HASH, outputs(1), arrays(1));
    const path = join(root, HASH, 'result', 'outputs.json');
    const value = JSON.parse(await readFile(path, 'utf8'));
    edit(value);
    await writeFile(path, JSON.stringify(value));
    return path;
  }
  const HASH = '0123456789abcdef';

  async function refused(message: string): Promise<void> {
    const path = join(root, HASH, 'result', 'outputs.json');
    const error = await readOutputs(root, HASH).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileFormatError);
    expect((error as Error).message).toBe(`${path}: ${message} (delete ${join(root, HASH)} to retrain that model)`);
  }

  it('with an array file that is a path: refused, nothing read outside the entry', async () => {
    for (const file of ['../../../../../../etc/hostname', '/etc/hostname', 'codes.bin/../../x.bin']) {
      await rm(join(root, HASH), { recursive: true, force: true });
      await crafted((o) => (o.arrays.codes.file = file));
      await refused(`arrays.codes.file: expected "codes.bin", found "${file}"`);
    }
    await rm(join(root, HASH), { recursive: true, force: true });
    await crafted((o) => (o.arrays['../x'] = o.arrays.codes));
    await refused('arrays: expected array names of letters and digits, found "../x"');
  });

  it('with arrays that claim a huge length or the wrong type: refused before allocating', async () => {
    await crafted((o) => Object.assign(o.arrays.codes, { rows: 1e9, cols: 1e9 }));
    await refused(
      `arrays.codes: expected at most ${MAX_ARRAY_BYTES} bytes (MAX_ARRAY_BYTES), found 1000000000 x 1000000000 float32`,
    );
    await rm(join(root, HASH), { recursive: true, force: true });
    await crafted((o) => (o.arrays.codes.rows = 99));
    await refused('arrays.codes: expected codes.bin of 3960 bytes (99 x 10 float32), found 4000 bytes');
    await rm(join(root, HASH), { recursive: true, force: true });
    await crafted((o) => (o.arrays.codes.dtype = 'float64'));
    await refused('arrays.codes.dtype: expected one of "float32", "uint8", found "float64"');
    await rm(join(root, HASH), { recursive: true, force: true });
    await crafted((o) => (o.history = { length: 1e12 }));
    await refused('history: expected an array, found an object');
  });

  it('whose result folder links outside the cache: refused', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'reproduce-outside-'));
    try {
      await writeOutputs(outside, HASH, outputs(1), arrays(1));
      await mkdir(join(root, HASH));
      await symlink(join(outside, HASH, 'result'), join(root, HASH, 'result'));
      await refused(
        `result folder: expected a folder inside ${root}, found a link to ${join(outside, HASH, 'result')}`,
      );
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('larger than MAX_OUTPUTS_BYTES: refused by its size', async () => {
    const path = await crafted(() => {});
    await writeFile(path, ' '.repeat(MAX_OUTPUTS_BYTES + 1));
    await refused(
      `size: expected at most ${MAX_OUTPUTS_BYTES} bytes (MAX_OUTPUTS_BYTES), found ${MAX_OUTPUTS_BYTES + 1} bytes`,
    );
  });
});
