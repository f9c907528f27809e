import { rangeError } from '@manifold-mixup/errors';

/**
 * A uniformly random permutation of 0..n-1 (Fisher-Yates, from the last position down), written into
 * `out` (default: a new Int32Array(n)) and returned. One draw of `random` per position n-1..1.
 */
export function randomPermutation(n: number, random: () => number): Int32Array;
export function randomPermutation<Out extends Int32Array | Uint32Array>(n: number, random: () => number, out: Out): Out;
export function randomPermutation(
  n: number,
  random: () => number,
  out?: Int32Array | Uint32Array,
): Int32Array | Uint32Array {
  if (!Number.isInteger(n) || n < 0)
    throw rangeError('randomPermutation', 'n', 'must be a non-negative integer', String(n));
  out ??= new Int32Array(n);
  if (out.length < n)
    throw rangeError('randomPermutation', 'out', `must hold n = ${n} indices`, `length ${out.length}`);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}
