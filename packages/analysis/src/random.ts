/**
 * mulberry32: the seeded uniform [0, 1) generator used across the project (same algorithm as
 * @manifold-mixup/datasets, repeated here so this package has no workspace dependency).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `k` distinct indices from 0..n-1, ascending, chosen uniformly by a seeded partial Fisher-Yates shuffle. */
export function sampleIndices(n: number, k: number, seed: number): Uint32Array {
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (k >= n) return all;
  const random = mulberry32(seed);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const tmp = all[i];
    all[i] = all[j];
    all[j] = tmp;
  }
  return all.slice(0, k).sort();
}
