import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, expect } from 'vitest';
import { encodeIdx } from '../encode-idx.js';
import { IdxFormatError } from '../idx-format-error.js';
import { MNIST_FILES } from '../mnist-checksums.js';

/** A small IDX images file whose pixel i is i % 256. */
export const images = (n: number, rows = 28, cols = 28): Uint8Array =>
  encodeIdx({
    kind: 'images',
    dims: [n, rows, cols],
    data: Uint8Array.from({ length: n * rows * cols }, (_, i) => i % 256),
  });

/** A small IDX labels file. */
export const labels = (values: number[]): Uint8Array =>
  encodeIdx({ kind: 'labels', dims: [values.length], data: Uint8Array.from(values) });

/** A function making temporary folders, all removed after the file's tests. */
export function temporaryDirs(prefix: string): () => Promise<string> {
  const made: string[] = [];
  afterAll(async () => {
    await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

/**
 * Writes a folder of the four MNIST-format files (3 train and 2 test images, two of the files gzipped);
 * `files` replaces or (with undefined) removes some by file name.
 */
export async function writeIdxFolder(dir: string, files: Partial<Record<string, Uint8Array>> = {}): Promise<string> {
  const all: Record<string, Uint8Array | undefined> = {
    [`${MNIST_FILES.trainImages}.gz`]: gzipSync(images(3)),
    [MNIST_FILES.trainLabels]: labels([0, 9, 4]),
    [MNIST_FILES.testImages]: images(2),
    [`${MNIST_FILES.testLabels}.gz`]: gzipSync(labels([2, 2])),
    ...files,
  };
  for (const [name, bytes] of Object.entries(all)) if (bytes) await writeFile(join(dir, name), bytes);
  return dir;
}

/** The IdxFormatError a promise rejects with (and fails the test when it resolves or rejects otherwise). */
export async function rejection(promise: Promise<unknown>): Promise<IdxFormatError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IdxFormatError);
  return error as IdxFormatError;
}
