import { rangeError } from '@manifold-mixup/errors';
import { mulberry32 } from '@manifold-mixup/random';
import type { LabeledSet } from '@manifold-mixup/types';

export interface TwoSpiralsOptions {
  /** Points per class (default 2000, as in the seed). */
  pointsPerClass?: number;
  /** Width of the uniform noise [0, noise) added to each coordinate (default 0.9). */
  noise?: number;
  /** PRNG seed (default 0). */
  seed?: number;
}

/**
 * The seed project's two interleaved spirals. With u ~ U[0, 1):
 *   n = sqrt(u) * 780 * 2pi / 360
 *   class 0: (-cos(n) * n + e1, sin(n) * n + e2), e1, e2 ~ U[0, noise)
 *   class 1: the negation of the class-0 points, (-x, -y) (the seed's `np.vstack((d1, -d1))`).
 * Draws happen in the seed's order: all u, then all e1, then all e2.
 * Rows 0..p-1 are class 0, rows p..2p-1 class 1 (row p + i is minus row i).
 */
export function twoSpirals(options: TwoSpiralsOptions = {}): LabeledSet {
  const { pointsPerClass = 2000, noise = 0.9, seed = 0 } = options;
  if (!Number.isInteger(pointsPerClass) || pointsPerClass < 0) {
    throw rangeError('twoSpirals', 'pointsPerClass', 'must be a non-negative integer', String(pointsPerClass));
  }
  if (!Number.isFinite(noise) || noise < 0) {
    throw rangeError('twoSpirals', 'noise', 'must be a finite number >= 0', String(noise));
  }
  const p = pointsPerClass;
  const random = mulberry32(seed);
  const turn = (780 * 2 * Math.PI) / 360;
  const angle = new Float64Array(p);
  for (let i = 0; i < p; i++) angle[i] = Math.sqrt(random()) * turn;
  const x = new Float32Array(4 * p);
  for (let i = 0; i < p; i++) x[2 * i] = -Math.cos(angle[i]) * angle[i] + random() * noise;
  for (let i = 0; i < p; i++) x[2 * i + 1] = Math.sin(angle[i]) * angle[i] + random() * noise;
  for (let i = 0; i < 2 * p; i++) x[2 * p + i] = -x[i];
  const y = new Uint8Array(2 * p);
  y.fill(1, p);
  return { x, y, n: 2 * p, shape: [2], numClasses: 2 };
}
