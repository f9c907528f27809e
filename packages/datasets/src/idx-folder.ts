import { createHash, webcrypto } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LabeledSet } from '@manifold-mixup/types';
import type { IdxArray } from './idx-array.js';
import { IdxFormatError } from './idx-format-error.js';
import { MNIST_FILES, type MnistFile } from './mnist-checksums.js';
import { gunzipIfNeeded, parseIdx, type ParseIdxOptions } from './parse-idx.js';

// The Node core shared by loadMnist and loadFashionMnist: both datasets are the same four IDX files under
// the same names, so only the folder, the digests and what to say about a missing file differ.

export interface IdxFolderSpec extends ParseIdxOptions {
  /** The dataset's name in a FILE_MISSING message, e.g. "MNIST". */
  dataset: string;
  /** How to get the files, appended to a FILE_MISSING message. */
  howToGet?: string;
  /** The digests of the decompressed files to verify, or undefined for none. */
  checksums?: Record<MnistFile, { md5: string; sha256: string }>;
}

export interface IdxFolder {
  train: LabeledSet;
  test: LabeledSet;
  /** The four files read, by role. */
  files: Record<MnistFile, string>;
}

const NUM_CLASSES = 10;

/**
 * Reads the four MNIST-format files of `dir` (each raw or `.gz`) into train and test sets, verifying the
 * digests when `spec.checksums` is given.
 * @throws IdxFormatError for a missing, malformed, inconsistent or (when verifying) tampered file.
 */
export async function readIdxFolder(dir: string, spec: IdxFolderSpec): Promise<IdxFolder> {
  const roles = Object.keys(MNIST_FILES) as MnistFile[];
  const paths = await Promise.all(roles.map((role) => locate(dir, MNIST_FILES[role], spec)));
  const files = Object.fromEntries(roles.map((role, i) => [role, paths[i]])) as Record<MnistFile, string>;
  const contents = await Promise.all(paths.map((path) => readFile(path)));
  const arrays = {} as Record<MnistFile, IdxArray>;
  const pendingSha256: Array<() => Promise<void>> = [];
  roles.forEach((role, i) => {
    const raw = gunzipIfNeeded(contents[i], paths[i], spec);
    if (spec.checksums) pendingSha256.push(verifyChecksums(raw, paths[i], MNIST_FILES[role], spec.checksums[role]));
    arrays[role] = parseIdx(raw, paths[i], spec);
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
  return { train, test, files };
}

async function locate(dir: string, name: string, spec: IdxFolderSpec): Promise<string> {
  const candidates = [join(dir, name), join(dir, `${name}.gz`)];
  for (const path of candidates) {
    try {
      await access(path);
      return path;
    } catch {
      // try the next spelling
    }
  }
  const problem = `${spec.dataset} file not found` + (spec.howToGet ? ` (${spec.howToGet})` : '');
  throw new IdxFormatError('FILE_MISSING', join(dir, name), problem, candidates.join(' or '), 'neither');
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
