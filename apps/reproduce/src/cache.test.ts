import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasOutputs, readOutputs, writeOutputs } from './cache.js';

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
