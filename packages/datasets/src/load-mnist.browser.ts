// load-mnist.ts for browsers (package.json's `browser` field): MNIST is read from files on disk.
import type * as Node from './load-mnist.js';

const noFiles = (name: string): Error =>
  new Error(
    `${name}: reads the MNIST IDX files from disk (node:fs), which browsers lack: ` +
      'fetch the four files and parse each with parseIdx, then build the sets from them',
  );

export const defaultMnistDir: typeof Node.defaultMnistDir = () => {
  throw noFiles('defaultMnistDir');
};

export const loadMnist: typeof Node.loadMnist = async () => {
  throw noFiles('loadMnist');
};
