import type { MnistFile } from './mnist-checksums.js';

/**
 * Digests of Fashion-MNIST's decompressed files (same names as MNIST's, MNIST_FILES). The MD5s are the
 * published ones (torchvision's FashionMNIST `resources`); they equal the decompressed bytes of both the
 * upstream `.gz` files and Debian's `dataset-fashion-mnist` (whose `.gz` bytes differ, so only the
 * decompressed data is checked). The SHA-256s were computed from Debian's files once their MD5s matched.
 */
export const FASHION_MNIST_CHECKSUMS: Record<MnistFile, { md5: string; sha256: string }> = {
  trainImages: {
    md5: 'f4a8712d7a061bf5bd6d2ca38dc4d50a',
    sha256: 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888',
  },
  trainLabels: {
    md5: '9018921c3c673c538a1fc5bad174d6f9',
    sha256: 'bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9',
  },
  testImages: {
    md5: '8181f5470baa50b63fa0f6fddb340f0a',
    sha256: '5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b',
  },
  testLabels: {
    md5: '15d484375f8d13e6eb1aabb0c3f46965',
    sha256: '0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34',
  },
};
