import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-file.js';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'atomic-file-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes text and bytes, replacing an existing file, and leaves no temporary file', async () => {
    const path = join(dir, 'a.txt');
    await writeFileAtomic(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    await writeFileAtomic(join(dir, 'b.bin'), new Uint8Array([1, 2, 255]));
    expect([...(await readFile(join(dir, 'b.bin')))]).toEqual([1, 2, 255]);
    expect((await readdir(dir)).sort()).toEqual(['a.txt', 'b.bin']);
  });

  it('creates missing parent directories', async () => {
    const path = join(dir, 'x', 'y', 'z.json');
    await writeFileAtomic(path, '{}');
    expect(await readFile(path, 'utf8')).toBe('{}');
  });

  it('keeps the old content and removes its temporary file when the rename fails', async () => {
    const target = join(dir, 'target');
    await mkdir(join(target, 'occupied'), { recursive: true }); // renaming a file over a non-empty directory fails
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(await readdir(target)).toEqual(['occupied']);
    expect(await readdir(dir)).toEqual(['target']);
  });

  it('lets concurrent writers of one target finish with one complete content', async () => {
    const path = join(dir, 'c.txt');
    const contents = Array.from({ length: 20 }, (_, i) => String(i).repeat(10_000));
    await Promise.all(contents.map((c) => writeFileAtomic(path, c)));
    expect(contents).toContain(await readFile(path, 'utf8'));
    expect(await readdir(dir)).toEqual(['c.txt']);
  });
});
