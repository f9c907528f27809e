// load-fashion-mnist.ts for browsers (package.json's `browser` field): Fashion-MNIST is read from files on disk.
import type * as Node from './load-fashion-mnist.js';
import { readsFiles } from './reads-files.browser.js';

export const defaultFashionMnistDir: typeof Node.defaultFashionMnistDir = () => {
  throw readsFiles('defaultFashionMnistDir', 'Fashion-MNIST');
};

export const loadFashionMnist: typeof Node.loadFashionMnist = async () => {
  throw readsFiles('loadFashionMnist', 'Fashion-MNIST');
};
