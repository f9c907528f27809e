import { rangeError } from '@manifold-mixup/errors';

/**
 * `k` distinct indices of 0..n-1, ascending, each k-subset equally likely (a partial Fisher-Yates shuffle:
 * one draw of `random` per chosen index). With k >= n it returns all n indices and draws nothing.
 */
export function sampleWithoutReplacement(n: number, k: number, random: () => number): Uint32Array {
  if (!Number.isInteger(n) || n < 0) {
    throw rangeError('sampleWithoutReplacement', 'n', 'must be a non-negative integer', String(n));
  }
  if (!Number.isInteger(k) || k < 0) {
    throw rangeError('sampleWithoutReplacement', 'k', 'must be a non-negative integer', String(k));
  }
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (k >= n) return all;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const tmp = all[i];
    all[i] = all[j];
    all[j] = tmp;
  }
  return all.slice(0, k).sort();
}
