import { existsSync } from 'node:fs';
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { rejection, temporaryDirs, writeIdxFolder } from './__fixtures__/idx-folders.js';
import { histogram } from './__fixtures__/sets.js';
import { FASHION_MNIST_CHECKSUMS } from './fashion-mnist-checksums.js';
import { FASHION_MNIST_CLASSES } from './fashion-mnist-classes.js';
import { DEBIAN_FASHION_MNIST_DIR } from './fashion-mnist-dir.js';
import { defaultFashionMnistDir, loadFashionMnist } from './load-fashion-mnist.js';
import type { MnistData } from './load-mnist.js';
import { MNIST_FILES } from './mnist-checksums.js';

const temporaryDir = temporaryDirs('fashion-mnist-test-');
const installed = existsSync(DEBIAN_FASHION_MNIST_DIR);
const skipped = installed
  ? ''
  : ` (skipped: ${DEBIAN_FASHION_MNIST_DIR} is missing, apt-get install dataset-fashion-mnist)`;

describe(`loadFashionMnist from Debian's dataset-fashion-mnist (default)${skipped}`, () => {
  let data: MnistData;
  beforeAll(async () => {
    if (installed) data = await loadFashionMnist();
  });

  it.skipIf(!installed)('loads 60,000 + 10,000 images of 28 x 28 from the .gz files, digests verified', () => {
    expect(defaultFashionMnistDir()).toBe(DEBIAN_FASHION_MNIST_DIR);
    expect([data.train.n, data.test.n]).toEqual([60000, 10000]);
    expect([data.train.x.length, data.test.x.length]).toEqual([60000 * 784, 10000 * 784]);
    expect(data.train.shape).toEqual([28, 28]);
    expect(data.train.numClasses).toBe(FASHION_MNIST_CLASSES.length);
    expect(data.checksumsVerified).toBe(true);
    expect(data.source).toBe(`dataset-fashion-mnist (${DEBIAN_FASHION_MNIST_DIR})`);
    expect(data.files.testLabels).toBe(join(DEBIAN_FASHION_MNIST_DIR, `${MNIST_FILES.testLabels}.gz`));
  });

  it.skipIf(!installed)(
    'has 6,000 training and 1,000 test images of each class, both sets starting with an ankle boot',
    () => {
      expect(histogram(data.train)).toEqual(new Array(10).fill(6000));
      expect(histogram(data.test)).toEqual(new Array(10).fill(1000));
      expect([data.train.y[0], data.test.y[0]].map((label) => FASHION_MNIST_CLASSES[label])).toEqual([
        'Ankle boot',
        'Ankle boot',
      ]);
    },
  );

  it.skipIf(!installed)('scales pixels to [0, 1] as byte / 255', async () => {
    const raw = gunzipSync(await readFile(data.files.testImages));
    for (let i = 0; i < 784 * 3; i++) expect(data.test.x[i]).toBe(Math.fround(raw[16 + i] / 255));
    expect(Math.max(...data.test.x.subarray(0, 784))).toBeLessThanOrEqual(1);
  });

  it.skipIf(!installed)(
    'refuses a copy with one label changed: the published MD5 of the decompressed file',
    async () => {
      const dir = await temporaryDir();
      for (const name of [MNIST_FILES.trainImages, MNIST_FILES.trainLabels, MNIST_FILES.testImages]) {
        await symlink(join(DEBIAN_FASHION_MNIST_DIR, `${name}.gz`), join(dir, `${name}.gz`));
      }
      const labels = gunzipSync(await readFile(join(DEBIAN_FASHION_MNIST_DIR, `${MNIST_FILES.testLabels}.gz`)));
      labels[8] = 0; // first test label: ankle boot -> T-shirt/top
      await writeFile(join(dir, MNIST_FILES.testLabels), labels);
      expect(await rejection(loadFashionMnist({ dir }))).toMatchObject({
        code: 'CHECKSUM_MISMATCH',
        file: join(dir, MNIST_FILES.testLabels),
        expected: FASHION_MNIST_CHECKSUMS.testLabels.md5,
      });
      const unverified = await loadFashionMnist({ dir, verifyChecksums: false });
      expect([unverified.checksumsVerified, unverified.source, unverified.test.y[0]]).toEqual([false, dir, 0]);
    },
  );
});

describe('loadFashionMnist from a folder of small IDX files', () => {
  it('verifies the published digests by default, whatever the folder', async () => {
    const dir = await writeIdxFolder(await temporaryDir());
    const error = await rejection(loadFashionMnist({ dir }));
    expect(error).toMatchObject({
      code: 'CHECKSUM_MISMATCH',
      file: join(dir, `${MNIST_FILES.trainImages}.gz`),
      expected: 'f4a8712d7a061bf5bd6d2ca38dc4d50a',
    });
    expect(error.message).toMatch(/MD5 of train-images-idx3-ubyte \(decompressed\) differs/);
    const data = await loadFashionMnist({ dir, verifyChecksums: false });
    expect([data.train.n, data.test.n, data.checksumsVerified, data.source]).toEqual([3, 2, false, dir]);
    expect(Array.from(data.train.y)).toEqual([0, 9, 4]);
  });

  it('says how to get the files when one is missing', async () => {
    const dir = await writeIdxFolder(await temporaryDir(), { [`${MNIST_FILES.testLabels}.gz`]: undefined });
    const error = await rejection(loadFashionMnist({ dir }));
    expect(error).toMatchObject({ code: 'FILE_MISSING', file: join(dir, MNIST_FILES.testLabels), found: 'neither' });
    expect(error.expected).toContain(`${MNIST_FILES.testLabels}.gz`);
    expect(error.message).toMatch(
      /Fashion-MNIST file not found \(apt-get install dataset-fashion-mnist .*github\.com\/zalandoresearch\/fashion-mnist/,
    );
  });
});

describe('FASHION_MNIST_CLASSES', () => {
  it('names the ten classes in label order (upstream README)', () => {
    expect(FASHION_MNIST_CLASSES).toHaveLength(10);
    expect([0, 5, 7, 9].map((label) => FASHION_MNIST_CLASSES[label])).toEqual([
      'T-shirt/top',
      'Sandal',
      'Sneaker',
      'Ankle boot',
    ]);
  });
});
