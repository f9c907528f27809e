import { rangeError } from '@manifold-mixup/errors';

/** One-hot rows: labels.length * numClasses floats, row-major, 1 at each label's column. */
export function oneHot(labels: ArrayLike<number>, numClasses: number): Float32Array {
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw rangeError('oneHot', 'numClasses', 'must be a positive integer', String(numClasses));
  }
  const out = new Float32Array(labels.length * numClasses);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!Number.isInteger(label) || label < 0 || label >= numClasses) {
      throw rangeError('oneHot', `labels[${i}]`, `must be an integer in [0, ${numClasses})`, String(label));
    }
    out[i * numClasses + label] = 1;
  }
  return out;
}
