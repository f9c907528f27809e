// A fixed linear view of hidden activations in 2-D. Across: the direction from class 0's mean to class 1's, so
// the two classes sit left and right and how far apart they are reads directly; up: the widest spread across
// that direction, so how flat (or spread) each class is reads directly too. Kept from epoch to epoch, later
// epochs are drawn through the same lens and the picture changes because the representation does (a view fitted
// every epoch would turn on its own). Training can turn the classes' direction: `drift` measures how far, so the
// caller can fit the view again when it has gone stale.

/** Epochs between checks that a kept view still lines up with the classes. */
export const STALE_CHECK_EVERY = 10;
/** A view whose across direction is more than this many degrees off the classes' direction is fitted again. */
export const STALE_DEGREES = 30;

export interface Projection {
  mean: Float64Array;
  /** Two orthogonal unit directions, each `cols` long. */
  axes: [Float64Array, Float64Array];
}

function meanOf(values: Float32Array, rows: number, cols: number, keep: (r: number) => boolean = () => true) {
  const mean = new Float64Array(cols);
  let count = 0;
  for (let r = 0; r < rows; r++) {
    if (!keep(r)) continue;
    count += 1;
    for (let c = 0; c < cols; c++) mean[c] += values[r * cols + c];
  }
  for (let c = 0; c < cols; c++) mean[c] /= Math.max(count, 1);
  return mean;
}

/** The covariance (cols × cols, row-major) of rows × cols values about their mean. */
function covariance(values: Float32Array, rows: number, cols: number, mean: Float64Array): Float64Array {
  const cov = new Float64Array(cols * cols);
  const centred = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) centred[c] = values[r * cols + c] - mean[c];
    for (let a = 0; a < cols; a++) {
      const va = centred[a];
      if (va === 0) continue;
      for (let b = a; b < cols; b++) cov[a * cols + b] += va * centred[b];
    }
  }
  for (let a = 0; a < cols; a++) for (let b = 0; b < a; b++) cov[a * cols + b] = cov[b * cols + a];
  return cov;
}

const dot = (u: ArrayLike<number>, v: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < u.length; i++) sum += u[i] * v[i];
  return sum;
};

/** Scales u to unit length in place; returns its former length. */
function normalise(u: Float64Array): number {
  const norm = Math.sqrt(dot(u, u));
  if (norm > 0) for (let i = 0; i < u.length; i++) u[i] /= norm;
  return norm;
}

/** The leading eigenvector of symmetric `m` by power iteration from a fixed start, orthogonal to `against`. */
function leadingDirection(m: Float64Array, cols: number, against: Float64Array | null): Float64Array {
  const orthogonalise = (u: Float64Array) => {
    if (against == null) return;
    const along = dot(u, against);
    for (let i = 0; i < cols; i++) u[i] -= along * against[i];
  };
  let v = Float64Array.from({ length: cols }, (_, i) => 1 + ((i * 7919) % 13) / 13);
  orthogonalise(v);
  normalise(v);
  for (let iteration = 0; iteration < 300; iteration++) {
    const next = new Float64Array(cols);
    for (let a = 0; a < cols; a++) next[a] = dot(m.subarray(a * cols, (a + 1) * cols), v);
    orthogonalise(next);
    if (normalise(next) === 0) break; // no spread left in any direction not yet taken
    let change = 0;
    for (let i = 0; i < cols; i++) change = Math.max(change, Math.abs(next[i] - v[i]));
    v = next;
    if (change < 1e-9) break;
  }
  return v;
}

/** The unit direction from class 0's mean to class 1's (zeros when they coincide). */
function classDirection(values: Float32Array, rows: number, cols: number, labels: ArrayLike<number>): Float64Array {
  const ones = Array.from({ length: rows }, (_, r) => labels[r] === 1).filter(Boolean).length;
  if (ones === 0 || ones === rows) return new Float64Array(cols);
  const one = meanOf(values, rows, cols, (r) => labels[r] === 1);
  const zero = meanOf(values, rows, cols, (r) => labels[r] !== 1);
  const direction = one.map((v, c) => v - zero[c]);
  normalise(direction);
  return direction;
}

/** The view of rows × cols activations with labels 0 and 1 (see above); the principal one if the classes coincide. */
export function fitProjection(values: Float32Array, rows: number, cols: number, labels: ArrayLike<number>): Projection {
  if (rows < 1 || values.length !== rows * cols)
    throw new Error(`fitProjection: expected ${rows} × ${cols} values, found ${values.length}`);
  const mean = meanOf(values, rows, cols);
  const cov = covariance(values, rows, cols, mean);
  let across = classDirection(values, rows, cols, labels);
  if (dot(across, across) === 0) across = leadingDirection(cov, cols, null);
  const up = leadingDirection(cov, cols, across);
  return { mean, axes: [across, up] };
}

/** The cosine between the view's across direction and the classes' direction now: 1 while still aligned. */
export function alignment(p: Projection, values: Float32Array, rows: number, labels: ArrayLike<number>): number {
  return dot(p.axes[0], classDirection(values, rows, p.mean.length, labels));
}

/** rows × cols activations through a projection: rows × 2. */
export function project(p: Projection, values: Float32Array, rows: number): Float32Array {
  const cols = p.mean.length;
  const out = new Float32Array(2 * rows);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < 2; k++) {
      const axis = p.axes[k];
      let sum = 0;
      for (let c = 0; c < cols; c++) sum += (values[r * cols + c] - p.mean[c]) * axis[c];
      out[2 * r + k] = sum;
    }
  }
  return out;
}
