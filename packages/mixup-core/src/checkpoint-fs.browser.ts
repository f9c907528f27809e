// checkpoint-fs.ts for browsers (package.json's `browser` field): checkpoints are files, and a page
// has no file system, so every operation throws saying so. join works, as it builds the paths that
// error messages name.
import type * as Node from './checkpoint-fs.js';
import { noFileSystem } from './no-file-system.js';

const unavailable = (operation: string) => (): never => {
  throw noFileSystem(operation);
};

export const createHash = unavailable('createHash') as unknown as typeof Node.createHash;
export const mkdir = unavailable('mkdir') as unknown as typeof Node.mkdir;
export const readdir = unavailable('readdir') as unknown as typeof Node.readdir;
export const readRegularFile = unavailable('readRegularFile') as unknown as typeof Node.readRegularFile;
export const rm = unavailable('rm') as unknown as typeof Node.rm;

/** POSIX join of non-empty parts (no normalisation beyond single slashes), as node:path's for plain names. */
export const join = ((...parts: string[]) =>
  parts
    .filter((p) => p !== '')
    .join('/')
    .replace(/\/{2,}/g, '/')) as typeof Node.join;
