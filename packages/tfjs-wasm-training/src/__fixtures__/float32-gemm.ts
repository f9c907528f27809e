import * as tf from '@tensorflow/tfjs-core';

// C(i, j) in float32 exactly as the kernel (and XNNPACK) sums it: over k in order, each product
// and each sum rounded to float32, the bias first or last.
export function reference(
  a: Float32Array,
  b: Float32Array,
  bias: Float32Array | null,
  biasLast: boolean,
  { m, n, k, ta, tb }: { m: number; n: number; k: number; ta: boolean; tb: boolean },
): Float32Array {
  const f = Math.fround;
  const c = new Float32Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let sum = bias != null && !biasLast ? bias[j] : 0;
      for (let kk = 0; kk < k; kk++) {
        const x = ta ? a[kk * m + i] : a[i * k + kk];
        const y = tb ? b[j * k + kk] : b[kk * n + j];
        sum = f(sum + f(x * y));
      }
      c[i * n + j] = bias != null && biasLast ? f(sum + bias[j]) : sum;
    }
  return c;
}

/**
 * The three products of a dense layer's training step (x·W, dy·Wᵀ, xᵀ·dy for a batch of `batch`, `inputs`
 * to `outputs`) by tf.matMul, and the same by `reference`: [got, expected] pairs as plain arrays.
 */
export function denseProducts(batch: number, inputs: number, outputs: number): [number[], number[]][] {
  const [x, w, dy] = [
    tf.randomNormal([batch, inputs], 0, 1, 'float32', 4),
    tf.randomNormal([inputs, outputs], 0, 1, 'float32', 5),
    tf.randomNormal([batch, outputs], 0, 1, 'float32', 6),
  ];
  const [xs, ws, dys] = [x, w, dy].map((t) => t.dataSync() as Float32Array);
  const products = [tf.matMul(x, w), tf.matMul(dy, w, false, true), tf.matMul(x, dy, true, false)];
  const expected = [
    reference(xs, ws, null, false, { m: batch, n: outputs, k: inputs, ta: false, tb: false }),
    reference(dys, ws, null, false, { m: batch, n: inputs, k: outputs, ta: false, tb: true }),
    reference(xs, dys, null, false, { m: inputs, n: outputs, k: batch, ta: true, tb: false }),
  ];
  const pairs = products.map((p, i): [number[], number[]] => [Array.from(p.dataSync()), Array.from(expected[i])]);
  tf.dispose([x, w, dy, ...products]);
  return pairs;
}
