import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from './find-chromium.js';

describe('findChromium', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'find-chromium-'));
    await writeFile(join(dir, 'google-chrome'), '#!/bin/sh\n');
    await chmod(join(dir, 'google-chrome'), 0o755);
    await writeFile(join(dir, 'chromium'), 'not executable');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('takes the first executable of its names on PATH, and null when there is none', () => {
    expect(findChromium({ PATH: `/nonexistent:${dir}` })).toBe(join(dir, 'google-chrome'));
    expect(findChromium({ PATH: '/nonexistent' })).toBeNull();
    expect(findChromium({})).toBeNull();
  });

  it('prefers CHROMIUM_PATH, and says so when it is not an executable', () => {
    expect(findChromium({ CHROMIUM_PATH: join(dir, 'google-chrome'), PATH: '' })).toBe(join(dir, 'google-chrome'));
    expect(() => findChromium({ CHROMIUM_PATH: join(dir, 'chromium') })).toThrow(
      `environment variable CHROMIUM_PATH: expected an executable file, found ${join(dir, 'chromium')}`,
    );
  });
});
