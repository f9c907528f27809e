import { statSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';

// What the code under test opened: the tests of untrusted checkpoints replace node:fs/promises
// (vi.mock) with a copy whose open and readFile first record the identity (device and inode,
// symbolic links followed) of what they are asked to open. A file outside a checkpoint folder
// that a loader never opened is a file it never read.

/** device:inode of every file opened (or about to be) since the last `clearTouched()`. */
export const touched = new Set<string>();

/** device:inode of `path` (links followed), or null when it does not exist. */
export function identity(path: string): string | null {
  const s = statSync(path, { throwIfNoEntry: false });
  return s == null ? null : `${s.dev}:${s.ino}`;
}

export function clearTouched(): void {
  touched.clear();
}

function record(path: unknown): void {
  if (typeof path !== 'string' && !(path instanceof URL) && !Buffer.isBuffer(path)) return; // a FileHandle
  const id = identity(typeof path === 'string' ? path : path instanceof URL ? path.pathname : path.toString());
  if (id != null) touched.add(id);
}

/** node:fs/promises with recording open and readFile, for `vi.mock('node:fs/promises', ...)`. */
export function recordingFsPromises<T extends typeof FsPromises>(actual: T): T {
  const open = ((path: Parameters<T['open']>[0], ...rest: unknown[]) => {
    record(path);
    return (actual.open as (...a: unknown[]) => unknown)(path, ...rest);
  }) as T['open'];
  const readFile = ((path: Parameters<T['readFile']>[0], ...rest: unknown[]) => {
    record(path);
    return (actual.readFile as (...a: unknown[]) => unknown)(path, ...rest);
  }) as T['readFile'];
  const wrapped = { ...actual, open, readFile };
  return { ...wrapped, default: wrapped };
}
