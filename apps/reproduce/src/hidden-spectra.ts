import { perClassSingularValues, type Matrix } from '@manifold-mixup/analysis';

/**
 * Each class's singular values of `m` (rows labelled by `labels`, classes 0..numClasses-1), raw (not
 * divided by √n), one row of `m.cols` per class, descending, padded with zeros where a class has fewer
 * rows than columns: the worker stores these instead of the activations (a few KB, not 10 MB).
 */
export function classSpectra(
  m: Matrix,
  labels: ArrayLike<number>,
  numClasses: number,
  centered: boolean,
): Float32Array {
  const classes = Array.from({ length: numClasses }, (_, c) => c);
  const out = new Float32Array(numClasses * m.cols);
  perClassSingularValues(m, labels, { centered, normalized: false, classes }).forEach((c, k) => {
    out.set(c.singularValues, k * m.cols);
  });
  return out;
}
