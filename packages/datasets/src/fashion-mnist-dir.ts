/** Where Debian's (and Ubuntu's) package `dataset-fashion-mnist` installs the four `.gz` files. */
export const DEBIAN_FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';

/** How to get the files, for the errors of a missing folder or file. */
export const FASHION_MNIST_HOW_TO_GET =
  `apt-get install dataset-fashion-mnist puts the four files in ${DEBIAN_FASHION_MNIST_DIR}; ` +
  'elsewhere put the four upstream files of https://github.com/zalandoresearch/fashion-mnist ' +
  '(train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz) ' +
  'in a folder and pass { dir: <that folder> }';

/**
 * Debian's Fashion-MNIST folder when `exists` says it is there (a function, so tests need not touch the
 * machine's folders); else an error saying how to get the files. No npm package ships the original files.
 */
export function fashionMnistDir(exists: (path: string) => boolean): string {
  if (exists(DEBIAN_FASHION_MNIST_DIR)) return DEBIAN_FASHION_MNIST_DIR;
  throw new Error(
    `defaultFashionMnistDir: ${DEBIAN_FASHION_MNIST_DIR} does not exist, and loadFashionMnist reads ` +
      `Fashion-MNIST from it unless options.dir is given: ${FASHION_MNIST_HOW_TO_GET}`,
  );
}
