import { mulberry32 } from './mulberry32.js';

/** A seeded permutation of 0..n-1 (Fisher-Yates driven by mulberry32). Same (n, seed), same permutation. */
export function shuffledIndices(n: number, seed: number): Uint32Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    throw new RangeError(`shuffledIndices: n must be an integer in [0, 2^32), found ${n}`);
  }
  const random = mulberry32(seed);
  const indices = new Uint32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = indices[i];
    indices[i] = indices[j];
    indices[j] = t;
  }
  return indices;
}
