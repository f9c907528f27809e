/** A dense row-major matrix: `values[r * cols + c]`. */
export interface Matrix {
  values: Float32Array | Float64Array;
  rows: number;
  cols: number;
}

/** Throws unless `m` is a well-formed matrix of finite numbers; names the offending row and column. */
export function checkMatrix(m: Matrix, name = 'matrix'): void {
  if (!m || !(m.values instanceof Float32Array || m.values instanceof Float64Array)) {
    throw new TypeError(`${name}.values: expected a Float32Array or Float64Array, found ${describe(m?.values)}`);
  }
  if (!Number.isInteger(m.rows) || m.rows < 0 || !Number.isInteger(m.cols) || m.cols < 1) {
    throw new RangeError(`${name}: expected integer rows >= 0 and cols >= 1, found rows=${m.rows} cols=${m.cols}`);
  }
  if (m.values.length !== m.rows * m.cols) {
    throw new RangeError(
      `${name}.values: expected rows*cols = ${m.rows}*${m.cols} = ${m.rows * m.cols} entries, found ${m.values.length}`,
    );
  }
  const v = m.values;
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) {
      const row = Math.floor(i / m.cols);
      throw new RangeError(`${name}: non-finite value ${v[i]} at row ${row}, column ${i - row * m.cols}`);
    }
  }
}

/** Throws unless `labels` holds `rows` non-negative integers. */
export function checkLabels(labels: ArrayLike<number>, rows: number, name = 'labels'): void {
  if (!labels || typeof labels.length !== 'number') {
    throw new TypeError(`${name}: expected an array of class indices, found ${describe(labels)}`);
  }
  if (labels.length !== rows) {
    throw new RangeError(`${name}: expected ${rows} labels (one per row), found ${labels.length}`);
  }
  for (let i = 0; i < rows; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0) {
      throw new RangeError(`${name}[${i}]: expected a non-negative integer class index, found ${y}`);
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

export function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  if (Array.isArray(value)) return `an Array of length ${value.length}`;
  return typeof value === 'number' ? String(value) : typeof value;
}
