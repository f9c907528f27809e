import { gramMatrix } from './gram.js';
import { checkLabels, checkMatrix, groupRowsByLabel, type Matrix } from './matrix.js';
import { symmetricEigenvalues } from './symmetric-eigenvalues.js';

export interface SpectrumOptions {
  /** Subtract the (class) mean of each column first. Default false, as the seed did. */
  centered?: boolean;
  /** Divide every singular value by sqrt(n), n = rows used, so class size does not scale the spectrum. Default false. */
  normalized?: boolean;
}

export interface ClassSpectrum {
  label: number;
  n: number;
  /** min(n, cols) singular values, descending. */
  singularValues: number[];
}

/**
 * Singular values of each class's rows. The classes are `options.classes` (in that order) or, by default,
 * every label from 0 to the largest present; each must have rows (an empty class is an error naming it).
 */
export function perClassSingularValues(
  m: Matrix,
  labels: ArrayLike<number>,
  options: SpectrumOptions & { classes?: readonly number[] } = {},
): ClassSpectrum[] {
  checkMatrix(m, 'perClassSingularValues', 'matrix');
  checkLabels(labels, m.rows, 'perClassSingularValues');
  const groups = new Map(groupRowsByLabel(labels).map((g) => [g.label, g.rows]));
  const maxLabel = Math.max(-1, ...groups.keys());
  const classes = options.classes ?? Array.from({ length: maxLabel + 1 }, (_, label) => label);
  return classes.map((label) => {
    const rows = groups.get(label);
    if (rows === undefined) {
      const present = [...groups.keys()].join(', ');
      throw new RangeError(
        `perClassSingularValues: class ${label} has no rows (labels present: ${present}); pass options.classes to choose classes`,
      );
    }
    return {
      label,
      n: rows.length,
      singularValues: singularValuesOfRows(m, rows, options, `perClassSingularValues: class ${label}`),
    };
  });
}

/** Singular values of the whole matrix (the all-class control), descending, min(rows, cols) of them. */
export function singularValues(m: Matrix, options: SpectrumOptions = {}): number[] {
  checkMatrix(m, 'singularValues', 'matrix');
  if (m.rows === 0) throw new RangeError('singularValues: matrix has no rows');
  const rows = new Uint32Array(m.rows);
  for (let i = 0; i < m.rows; i++) rows[i] = i;
  return singularValuesOfRows(m, rows, options, 'singularValues');
}

/**
 * Singular values of the selected rows via the eigenvalues of the smaller Gram matrix: X^T X (cols x cols)
 * when n >= cols, else X X^T (n x n); s = sqrt(max(eigenvalue, 0)). Input must already be checked.
 */
function singularValuesOfRows(m: Matrix, rows: Uint32Array, options: SpectrumOptions, where: string): number[] {
  const n = rows.length;
  const cols = m.cols;
  const mean = options.centered ? columnMean(m, rows) : null;
  let gram: Float64Array;
  let size: number;
  if (n >= cols) {
    gram = gramMatrix(m.values, cols, rows, mean);
    size = cols;
  } else {
    // Wide: transpose the (centred) rows into a cols x n matrix and take its n x n Gram matrix.
    const t = new Float64Array(cols * n);
    for (let k = 0; k < n; k++) {
      const offset = rows[k] * cols;
      for (let c = 0; c < cols; c++) t[c * n + k] = m.values[offset + c] - (mean === null ? 0 : mean[c]);
    }
    const all = new Uint32Array(cols);
    for (let c = 0; c < cols; c++) all[c] = c;
    gram = gramMatrix(t, n, all, null);
    size = n;
  }
  if (!gram.every(Number.isFinite)) {
    throw new RangeError(
      `${where}: the Gram matrix overflowed (values near 1e154 or larger square to Infinity); rescale the input`,
    );
  }
  const eigenvalues = symmetricEigenvalues(gram, size);
  const scale = options.normalized ? 1 / Math.sqrt(n) : 1;
  return Array.from(eigenvalues, (lambda) => Math.sqrt(Math.max(lambda, 0)) * scale);
}

function columnMean(m: Matrix, rows: Uint32Array): Float64Array {
  const mean = new Float64Array(m.cols);
  for (let k = 0; k < rows.length; k++) {
    const offset = rows[k] * m.cols;
    for (let c = 0; c < m.cols; c++) mean[c] += m.values[offset + c];
  }
  for (let c = 0; c < m.cols; c++) mean[c] /= rows.length;
  return mean;
}
