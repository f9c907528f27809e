import { describeFound, numberError, rangeError, typeError } from '@manifold-mixup/errors';
import type { LabeledSet } from '@manifold-mixup/types';
import type { ImageTransform } from './image-transform.js';

/**
 * The set with every image deformed by `transform` (rotation, shear, zoom from image-transform.ts), for
 * testing a model on deformations it never saw in training (the paper's §5.2). Images are square,
 * row-major (MNIST's 28 x 28 layout). Each output pixel is the bilinear interpolation of the input at
 * the point `transform.toSource` maps it to, about the image centre ((side - 1) / 2 in pixel indices);
 * outside the image the input counts as 0, the background. Deterministic; labels, shape and numClasses
 * are copied unchanged; the input is not modified.
 * @throws RangeError when the images are not square or the transform is not invertible.
 */
export function deformImages(set: LabeledSet, transform: ImageTransform): LabeledSet {
  const side = squareSide(set);
  const taps = bilinearTaps(side, checkedMatrix(transform));
  const size = side * side;
  const x = new Float32Array(set.n * size);
  for (let image = 0; image < set.n; image++) {
    const offset = image * size;
    for (let pixel = 0; pixel < size; pixel++) {
      let value = 0;
      for (let t = taps.start[pixel]; t < taps.start[pixel + 1]; t++) {
        value += taps.weight[t] * set.x[offset + taps.source[t]];
      }
      x[offset + pixel] = value;
    }
  }
  return { x, y: set.y.slice(), n: set.n, shape: [...set.shape], numClasses: set.numClasses };
}

/**
 * For every output pixel, the input pixels (at most four) and weights of its bilinear interpolation,
 * computed once for all images. Taps outside the image (background 0) and of weight 0 are dropped, so
 * a point on the pixel grid takes its pixel's value exactly.
 */
function bilinearTaps(
  side: number,
  [a, b, c, d]: readonly number[],
): { start: Uint32Array; source: Uint32Array; weight: Float64Array } {
  const size = side * side;
  const centre = (side - 1) / 2;
  const start = new Uint32Array(size + 1);
  const source = new Uint32Array(4 * size);
  const weight = new Float64Array(4 * size);
  let count = 0;
  for (let row = 0; row < side; row++) {
    for (let col = 0; col < side; col++) {
      const dx = col - centre;
      const dy = row - centre;
      const sourceCol = centre + a * dx + b * dy;
      const sourceRow = centre + c * dx + d * dy;
      const col0 = Math.floor(sourceCol);
      const row0 = Math.floor(sourceRow);
      const fx = sourceCol - col0;
      const fy = sourceRow - row0;
      for (const [r, wr] of [
        [row0, 1 - fy],
        [row0 + 1, fy],
      ]) {
        for (const [k, wc] of [
          [col0, 1 - fx],
          [col0 + 1, fx],
        ]) {
          const w = wr * wc;
          if (w === 0 || r < 0 || r >= side || k < 0 || k >= side) continue;
          source[count] = r * side + k;
          weight[count] = w;
          count++;
        }
      }
      start[row * side + col + 1] = count;
    }
  }
  return { start, source, weight };
}

/** The side of the set's square images: prod(shape) must be side², and a 2-D shape [rows, cols] square. */
function squareSide(set: LabeledSet): number {
  const size = set.shape.reduce((product, d) => product * d, 1);
  const side = Math.round(Math.sqrt(size));
  const shape = `[${set.shape.join(', ')}]`;
  if (side < 1 || side * side !== size || (set.shape.length === 2 && set.shape[0] !== set.shape[1])) {
    throw rangeError('deformImages', 'set.shape', 'must describe square images (side² features)', shape);
  }
  if (set.x.length !== set.n * size) {
    throw rangeError(
      'deformImages',
      'set.x',
      `must hold n * ${size} = ${set.n * size} values for n ${set.n} images of shape ${shape}`,
      String(set.x.length),
    );
  }
  return side;
}

/** The transform's matrix, checked: four finite numbers with a non-zero determinant. */
function checkedMatrix(transform: ImageTransform): readonly number[] {
  if (transform === null || typeof transform !== 'object') {
    throw typeError(
      'deformImages',
      'transform',
      'must be an ImageTransform (rotation, shear or zoom)',
      describeFound(transform),
    );
  }
  const matrix: unknown = transform.toSource;
  if (!Array.isArray(matrix)) {
    throw typeError('deformImages', 'transform.toSource', 'must be an array of 4 numbers', describeFound(matrix));
  }
  if (matrix.length !== 4) {
    throw rangeError('deformImages', 'transform.toSource', 'must be an array of 4 numbers', describeFound(matrix));
  }
  matrix.forEach((value: unknown, i) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw numberError('deformImages', `transform.toSource[${i}]`, 'must be a finite number', value);
    }
  });
  const [a, b, c, d] = matrix as number[];
  if (a * d - b * c === 0) {
    throw rangeError(
      'deformImages',
      'transform.toSource',
      'must be invertible (non-zero determinant)',
      `[${matrix.join(', ')}]`,
    );
  }
  return matrix as number[];
}
