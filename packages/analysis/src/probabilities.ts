import { describeFound, rangeError, typeError } from '@manifold-mixup/errors';

/** Throws unless `p` holds `count` rows of `numClasses` finite probabilities in [0, 1]. */
export function checkProbabilities(
  p: Float32Array | Float64Array,
  count: number,
  numClasses: number,
  where: string,
): void {
  if (!Number.isInteger(numClasses) || numClasses < 2) {
    throw rangeError(where, 'numClasses', 'must be an integer >= 2', String(numClasses));
  }
  if (!(p instanceof Float32Array || p instanceof Float64Array)) {
    throw typeError(where, 'probabilities', 'must be a Float32Array or Float64Array', describeFound(p));
  }
  if (p.length !== count * numClasses) {
    throw new RangeError(
      `${where}: expected ${count} x ${numClasses} = ${count * numClasses} probabilities, found ${p.length}`,
    );
  }
  for (let i = 0; i < p.length; i++) {
    if (!(p[i] >= 0 && p[i] <= 1)) {
      const row = Math.floor(i / numClasses);
      throw new RangeError(
        `${where}: probability of class ${i - row * numClasses} in row ${row} is ${p[i]}, expected a value in [0, 1]`,
      );
    }
  }
}

/** Largest probability in row `row` and the first class attaining it. */
export function topClass(
  p: ArrayLike<number>,
  row: number,
  numClasses: number,
): { confidence: number; prediction: number } {
  const offset = row * numClasses;
  let prediction = 0;
  for (let c = 1; c < numClasses; c++) if (p[offset + c] > p[offset + prediction]) prediction = c;
  return { confidence: p[offset + prediction], prediction };
}
