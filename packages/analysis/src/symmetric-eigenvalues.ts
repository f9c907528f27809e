import { rangeError } from '@manifold-mixup/errors';
import { wasmFloat64Views, wasmKernels } from './wasm-kernels.js';

/**
 * Eigenvalues (only) of a real symmetric matrix: Householder reduction to tridiagonal form, then the
 * implicit-shift QL algorithm. The algorithm is JAMA's tred2/tql2 (public domain, also used by
 * ml-matrix's EigenvalueDecomposition) with the eigenvector accumulation removed and the storage made
 * flat and column-contiguous, and its two O(n^3) inner loops run as WebAssembly SIMD kernels (plain JS
 * where WebAssembly SIMD is unavailable). ml-matrix took 27 s for a 1024 x 1024 matrix here because it
 * always builds eigenvectors. Unlike tql2 this caps the QL iterations per eigenvalue.
 */
const MAX_ITERATIONS_PER_EIGENVALUE = 60;

/** Eigenvalues of the symmetric n x n matrix `a` (row-major; only its upper triangle is read), descending. */
export function symmetricEigenvalues(
  a: Float64Array,
  n: number,
  kernel: 'auto' | 'wasm' | 'js' = 'auto',
): Float64Array {
  if (a.length !== n * n)
    throw rangeError('symmetricEigenvalues', 'a', `must hold n * n = ${n * n} entries`, String(a.length));
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) {
      const entry = `a at (${Math.floor(i / n)}, ${i % n})`;
      throw rangeError('symmetricEigenvalues', entry, 'must be finite (an overflow upstream?)', String(a[i]));
    }
  }
  if (n === 0) return new Float64Array(0);
  const wasm = kernel === 'js' ? null : wasmKernels();
  if (kernel === 'wasm' && wasm === null)
    throw new Error('symmetricEigenvalues: WebAssembly SIMD is not available here');
  let d: Float64Array;
  let e: Float64Array;
  if (wasm === null) {
    d = new Float64Array(n);
    e = new Float64Array(n);
    tridiagonalize(Float64Array.from(a), n, d, e, jsLoops);
  } else {
    const [v, dw, ew] = wasmFloat64Views(wasm, [n * n, n, n]);
    v.set(a);
    const dBase = n * n * 8;
    const eBase = dBase + n * 8;
    tridiagonalize(v, n, dw, ew, {
      dotAxpy: (_v, _d, _e, vAt, at, len, f) => wasm.dotAxpy(vAt * 8, dBase + at * 8, eBase + at * 8, len, f),
      rank2: (_v, _d, _e, vAt, at, len, f, g) => wasm.rank2(vAt * 8, eBase + at * 8, dBase + at * 8, len, f, g),
    });
    d = Float64Array.from(dw);
    e = Float64Array.from(ew);
  }
  qlImplicit(d, e, n);
  return d.sort().reverse();
}

/**
 * The O(n^3) loops of the reduction, on column `v[vAt..vAt+len)` and work vectors `d/e[at..at+len)`:
 * dotAxpy returns sum v*d and does e += f*v; rank2 does v -= f*e + g*d.
 */
interface ReductionLoops {
  dotAxpy(v: Float64Array, d: Float64Array, e: Float64Array, vAt: number, at: number, len: number, f: number): number;
  rank2(
    v: Float64Array,
    d: Float64Array,
    e: Float64Array,
    vAt: number,
    at: number,
    len: number,
    f: number,
    g: number,
  ): void;
}

const jsLoops: ReductionLoops = {
  dotAxpy(v, d, e, vAt, at, len, f) {
    let g = 0;
    for (let t = 0; t < len; t++) {
      g += v[vAt + t] * d[at + t];
      e[at + t] += v[vAt + t] * f;
    }
    return g;
  },
  rank2(v, d, e, vAt, at, len, f, g) {
    for (let t = 0; t < len; t++) v[vAt + t] -= f * e[at + t] + g * d[at + t];
  },
};

/**
 * Householder tridiagonalisation (JAMA tred2 without accumulating the transformations). `v` is
 * addressed as V(r, c) = v[c * n + r]; for a symmetric input that is the same array, and it makes the
 * inner loops (over r) contiguous. On return d is the diagonal, e[1..n-1] the sub-diagonal.
 */
function tridiagonalize(v: Float64Array, n: number, d: Float64Array, e: Float64Array, loops: ReductionLoops): void {
  for (let j = 0; j < n; j++) d[j] = v[j * n + n - 1];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = v[j * n + i - 1];
        v[j * n + i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        const col = j * n;
        f = d[j];
        // g = e[j] + sum_{k=j..i-1} V(k,j) d[k]; e[k] += V(k,j) f for k = j+1..i-1
        g = e[j] + v[col + j] * f + loops.dotAxpy(v, d, e, col + j + 1, j + 1, i - 1 - j, f);
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        const col = j * n;
        f = d[j];
        g = e[j];
        loops.rank2(v, d, e, col + j, j, i - j, f, g); // V(k,j) -= f e[k] + g d[k], k = j..i-1
        d[j] = v[col + i - 1];
        v[col + i] = 0;
      }
    }
    d[i] = h;
  }
  // In tred2 the diagonal of the reduced matrix is read back while accumulating; here directly.
  for (let j = 0; j < n; j++) d[j] = v[j * n + j];
  e[0] = 0;
}

/** Implicit-shift QL on the tridiagonal (d, e) (JAMA tql2 without eigenvectors); d becomes the eigenvalues. */
function qlImplicit(d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]) > eps * tst1) m++;
    if (m > l) {
      let iterations = 0;
      do {
        if (++iterations > MAX_ITERATIONS_PER_EIGENVALUE) {
          throw new Error(
            `symmetricEigenvalues: QL did not converge for eigenvalue ${l} of ${n} within ${MAX_ITERATIONS_PER_EIGENVALUE} iterations`,
          );
        }
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > eps * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
}

/** sqrt(a^2 + b^2) without overflow or underflow (Math.hypot is several times slower in V8). */
function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x > y) {
    const t = y / x;
    return x * Math.sqrt(1 + t * t);
  }
  if (y === 0) return 0;
  const t = x / y;
  return y * Math.sqrt(1 + t * t);
}
