import { Matrix as MlMatrix, QrDecomposition, SingularValueDecomposition } from 'ml-matrix';
import { mulberry32, sampleNormal } from '@manifold-mixup/random';
import type { Matrix } from '../src/matrix.js';

/** Standard normal draws (Box-Muller) from a seeded generator. */
export function gaussian(seed: number): () => number {
  const random = mulberry32(seed);
  return () => sampleNormal(random);
}

export function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  const next = gaussian(seed);
  const values = new Float64Array(rows * cols);
  for (let i = 0; i < values.length; i++) values[i] = next();
  return { values, rows, cols };
}

/** The first `cols` columns of a random orthogonal size x size matrix (Q of a QR of a Gaussian matrix). */
export function randomOrthonormalColumns(size: number, cols: number, seed: number): MlMatrix {
  const g = toMl(randomMatrix(size, size, seed));
  return new QrDecomposition(g).orthogonalMatrix.subMatrix(0, size - 1, 0, cols - 1);
}

export function toMl(m: Matrix): MlMatrix {
  const out = new MlMatrix(m.rows, m.cols);
  for (let r = 0; r < m.rows; r++) for (let c = 0; c < m.cols; c++) out.set(r, c, m.values[r * m.cols + c]);
  return out;
}

export function fromMl(m: MlMatrix): Matrix {
  return { values: Float64Array.from(m.to1DArray()), rows: m.rows, cols: m.columns };
}

/** Reference singular values from ml-matrix's SVD of the raw matrix (descending). */
export function referenceSingularValues(m: Matrix): number[] {
  const a = toMl(m);
  // ml-matrix's SVD wants rows >= cols; the singular values of A and A^T agree.
  const tall = m.rows >= m.cols ? a : a.transpose();
  const svd = new SingularValueDecomposition(tall, {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
  });
  return [...svd.diagonal].sort((x, y) => y - x);
}
