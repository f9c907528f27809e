import { describeFound, rangeError, typeError } from '@manifold-mixup/errors';

/** A dense row-major matrix: `values[r * cols + c]`. */
export interface Matrix {
  values: Float32Array | Float64Array;
  rows: number;
  cols: number;
}

/**
 * Throws unless `m` is a well-formed matrix of finite numbers; names `where` (the public function), `field`
 * (its argument) and the offending row and column.
 */
export function checkMatrix(m: Matrix, where: string, field: string): void {
  if (!m || !(m.values instanceof Float32Array || m.values instanceof Float64Array)) {
    throw typeError(where, `${field}.values`, 'must be a Float32Array or Float64Array', describeFound(m?.values));
  }
  if (!Number.isInteger(m.rows) || m.rows < 0 || !Number.isInteger(m.cols) || m.cols < 1) {
    throw rangeError(where, field, 'must have integer rows >= 0 and cols >= 1', `rows=${m.rows} cols=${m.cols}`);
  }
  // The two messages below keep their wording (a size relation, a position) rather than the shared shape.
  if (m.values.length !== m.rows * m.cols) {
    throw new RangeError(
      `${where}: ${field}.values: expected rows*cols = ${m.rows}*${m.cols} = ${m.rows * m.cols} entries, found ${m.values.length}`,
    );
  }
  const v = m.values;
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) {
      const row = Math.floor(i / m.cols);
      throw new RangeError(`${where}: ${field}: non-finite value ${v[i]} at row ${row}, column ${i - row * m.cols}`);
    }
  }
}

/** Throws unless `labels` holds `rows` non-negative integers; names `where` and `field` as checkMatrix does. */
export function checkLabels(labels: ArrayLike<number>, rows: number, where: string, field = 'labels'): void {
  if (!labels || typeof labels.length !== 'number') {
    throw typeError(where, field, 'must be an array of class indices', describeFound(labels));
  }
  if (labels.length !== rows) {
    throw new RangeError(`${where}: ${field}: expected ${rows} labels (one per row), found ${labels.length}`);
  }
  for (let i = 0; i < rows; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0) {
      throw rangeError(where, `${field}[${i}]`, 'must be a non-negative integer class index', String(y));
    }
  }
}

/** Row indices of each label present, in ascending label order (labels with no rows are absent). */
export function groupRowsByLabel(labels: ArrayLike<number>): Array<{ label: number; rows: Uint32Array }> {
  const counts = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) counts.set(labels[i], (counts.get(labels[i]) ?? 0) + 1);
  const sorted = [...counts.keys()].sort((a, b) => a - b);
  const groups = sorted.map((label) => ({ label, rows: new Uint32Array(counts.get(label)!), filled: 0 }));
  const byLabel = new Map(groups.map((g) => [g.label, g]));
  for (let i = 0; i < labels.length; i++) {
    const g = byLabel.get(labels[i])!;
    g.rows[g.filled++] = i;
  }
  return groups.map(({ label, rows }) => ({ label, rows }));
}

/** Squared Euclidean distance between rows `a` and `b` of a row-major array with `cols` columns. */
export function squaredRowDistance(values: ArrayLike<number>, cols: number, a: number, b: number): number {
  let sum = 0;
  const oa = a * cols;
  const ob = b * cols;
  for (let c = 0; c < cols; c++) {
    const diff = values[oa + c] - values[ob + c];
    sum += diff * diff;
  }
  return sum;
}
