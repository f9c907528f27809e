import { constants, type Stats } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CheckpointFormatError } from './checkpoint-format-error.js';
import { isPlainFileName } from './manifest-fields.js';

// The one way checkpoints and tf.io model folders read a file in Node: a regular file directly
// inside its folder, of a size known before reading. No symbolic link is followed (one could point
// anywhere), and no device, FIFO or socket is opened (/dev/zero never ends; a FIFO blocks the open).

/** How large the file may be: at most `max` bytes, or exactly `exact`; `what` says why (for errors). */
export type FileSize = { max: number; what: string } | { exact: number; what: string };

const KINDS: Array<[string, (s: Stats) => boolean]> = [
  ['a directory', (s) => s.isDirectory()],
  ['a FIFO', (s) => s.isFIFO()],
  ['a character device', (s) => s.isCharacterDevice()],
  ['a block device', (s) => s.isBlockDevice()],
  ['a socket', (s) => s.isSocket()],
];

function refuseUnlessRegular(path: string, stats: Stats): void {
  if (stats.isSymbolicLink())
    throw new CheckpointFormatError(path, undefined, 'a symbolic link; only regular files inside the folder are read');
  if (!stats.isFile()) {
    const kind = KINDS.find(([, is]) => is(stats))?.[0] ?? 'a special file';
    throw new CheckpointFormatError(
      path,
      undefined,
      `not a regular file (${kind}); only regular files inside the folder are read`,
    );
  }
}

function refuseSize(path: string, bytes: number, size: FileSize): void {
  if ('exact' in size && bytes !== size.exact)
    throw new CheckpointFormatError(path, undefined, `${bytes} bytes, expected ${size.exact} (${size.what})`);
  if ('max' in size && bytes > size.max)
    throw new CheckpointFormatError(
      path,
      undefined,
      `${bytes} bytes, above the limit of ${size.max} bytes for ${size.what}`,
    );
}

async function readAll(handle: FileHandle, path: string, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  for (let at = 0; at < length;) {
    const { bytesRead } = await handle.read(bytes, at, length - at, at);
    if (bytesRead === 0)
      throw new CheckpointFormatError(path, undefined, `ended at byte ${at} of ${length} while being read`);
    at += bytesRead;
  }
  return bytes;
}

/**
 * The content of `dir`/`name`, or null when it does not exist. `name` must be a plain file name;
 * the file must be a regular file (checked before opening, and again on the open descriptor, so a
 * file swapped in between is caught too) of the given size, checked before anything is allocated.
 */
export async function readRegularFile(dir: string, name: string, size: FileSize): Promise<Uint8Array | null> {
  const path = join(dir, name);
  if (!isPlainFileName(name) || basename(name) !== name || dirname(resolve(path)) !== resolve(dir))
    throw new CheckpointFormatError(path, undefined, 'not a file name inside the folder');
  let stats;
  try {
    stats = await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  refuseUnlessRegular(path, stats);
  refuseSize(path, stats.size, size);
  // O_NOFOLLOW: a link swapped in since lstat fails the open; O_NONBLOCK: so does a FIFO, at once.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    const opened = await handle.stat();
    refuseUnlessRegular(path, opened);
    refuseSize(path, opened.size, size);
    return await readAll(handle, path, opened.size);
  } finally {
    await handle.close();
  }
}
