import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { FASHION_MNIST_CHECKSUMS } from './fashion-mnist-checksums.js';
import { fashionMnistDir, FASHION_MNIST_HOW_TO_GET } from './fashion-mnist-dir.js';
import { readIdxFolder } from './idx-folder.js';
import type { MnistData } from './load-mnist.js';
import type { ParseIdxOptions } from './parse-idx.js';

export interface LoadFashionMnistOptions extends ParseIdxOptions {
  /** A folder with the four Fashion-MNIST IDX files, each raw or `.gz`. Default: Debian's /usr/share/datasets/fashion-mnist. */
  dir?: string;
  /** Check MD5 and SHA-256 of the decompressed files against FASHION_MNIST_CHECKSUMS. Default: true. */
  verifyChecksums?: boolean;
}

/**
 * Debian's Fashion-MNIST folder (`apt-get install dataset-fashion-mnist`) when it exists; throws, saying
 * how to get the files, when it does not.
 */
export function defaultFashionMnistDir(): string {
  return fashionMnistDir(existsSync);
}

/**
 * Loads Fashion-MNIST (60,000 train, 10,000 test images of 28 x 28, 10 classes named by
 * FASHION_MNIST_CLASSES) from local IDX files, like loadMnist; never downloads. The data is always the
 * same, so its digests are verified by default, whatever the folder.
 * @throws IdxFormatError for a missing, malformed, inconsistent or (when verifying) changed file.
 */
export async function loadFashionMnist(options: LoadFashionMnistOptions = {}): Promise<MnistData> {
  const isDefault = options.dir === undefined;
  const dir = isDefault ? defaultFashionMnistDir() : resolve(options.dir as string);
  const verify = options.verifyChecksums ?? true;
  const { train, test, files } = await readIdxFolder(dir, {
    ...options,
    dataset: 'Fashion-MNIST',
    howToGet: FASHION_MNIST_HOW_TO_GET,
    checksums: verify ? FASHION_MNIST_CHECKSUMS : undefined,
  });
  const source = isDefault ? `dataset-fashion-mnist (${dir})` : dir;
  return { train, test, source, dir, files, checksumsVerified: verify };
}
