import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * A temporary folder for the tests of the calling file: made before the first of them (named
 * `prefix` plus random characters) and removed, with everything in it, after the last.
 */
export function useTempDir(prefix: string): () => string {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (dir != null) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (dir == null) throw new Error(`useTempDir('${prefix}'): the folder is made in beforeAll; read it inside a test`);
    return dir;
  };
}
