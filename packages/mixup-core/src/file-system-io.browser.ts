// file-system-io.ts for browsers (package.json's `browser` field): a page has no file system, so
// fileSystemIO throws saying so, and there is no file:// route to register (tf.io's own
// indexeddb://, localstorage:// and downloads:// handlers are the browser's).
import type * as Node from './file-system-io.js';
import { noFileSystem } from './no-file-system.js';

export const fileSystemIO: typeof Node.fileSystemIO = () => {
  throw noFileSystem('fileSystemIO');
};

export const registerFileSystemRouter: typeof Node.registerFileSystemRouter = () => {};
