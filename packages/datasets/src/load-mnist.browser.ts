// load-mnist.ts for browsers (package.json's `browser` field): MNIST is read from files on disk.
import type * as Node from './load-mnist.js';
import { readsFiles } from './reads-files.browser.js';

export const defaultMnistDir: typeof Node.defaultMnistDir = () => {
  throw readsFiles('defaultMnistDir', 'MNIST');
};

export const loadMnist: typeof Node.loadMnist = async () => {
  throw readsFiles('loadMnist', 'MNIST');
};
