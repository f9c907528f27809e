import { mulberry32 } from '@manifold-mixup/random';

/**
 * n single-channel size x size images of 3 classes, a bar across the middle: horizontal (0),
 * vertical (1) or diagonal (2), on uniform noise. A conv net separates them in a few epochs.
 */
export function tinyImages(n: number, size: number, seed = 1) {
  const rng = mulberry32(seed);
  const x = new Float32Array(n * size * size);
  const y = new Uint8Array(n);
  const middle = size >> 1;
  for (let i = 0; i < n; i++) {
    y[i] = i % 3;
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        const onBar = [r === middle, c === middle, r === c][y[i]];
        x[(i * size + r) * size + c] = 0.5 * rng() + (onBar ? 1 : 0);
      }
    }
  }
  return { x, y, n, shape: [size, size, 1] as const, numClasses: 3 };
}
