import { rangeError } from '@manifold-mixup/errors';
import { mulberry32, sampleNormal } from '@manifold-mixup/random';
import type { LabeledSet } from '@manifold-mixup/types';

/** Options shared by the small 2-D sets (moons, circles, XOR). */
export interface PlanarOptions {
  /** Points per class (default 200). */
  pointsPerClass?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate. */
  noise?: number;
  /** PRNG seed (default 0). */
  seed?: number;
}

/**
 * A two-class 2-D set: `place(i, random)` gives the noise-free point i of class 0 (rows 0..p-1)
 * or class 1 (rows p..2p-1); then N(0, noise²) is added to each coordinate, in row order.
 */
export function planarSet(
  name: string,
  options: PlanarOptions,
  defaultNoise: number,
  place: (label: 0 | 1, i: number, p: number, random: () => number) => [number, number],
): LabeledSet {
  const { pointsPerClass = 200, noise = defaultNoise, seed = 0 } = options;
  if (!Number.isInteger(pointsPerClass) || pointsPerClass < 0) {
    throw rangeError(name, 'pointsPerClass', 'must be a non-negative integer', String(pointsPerClass));
  }
  if (!Number.isFinite(noise) || noise < 0)
    throw rangeError(name, 'noise', 'must be a finite number >= 0', String(noise));
  const p = pointsPerClass;
  const random = mulberry32(seed);
  const x = new Float32Array(4 * p);
  const y = new Uint8Array(2 * p);
  for (let row = 0; row < 2 * p; row++) {
    const label = row < p ? 0 : 1;
    const [u, v] = place(label, row % p, p, random);
    x[2 * row] = u;
    x[2 * row + 1] = v;
    y[row] = label;
  }
  if (noise > 0) for (let i = 0; i < x.length; i++) x[i] += noise * sampleNormal(random);
  return { x, y, n: 2 * p, shape: [2], numClasses: 2 };
}
