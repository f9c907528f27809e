import { typeError } from '@manifold-mixup/errors';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import {
  fastTranspose,
  heapKernelHelpersActive,
  heapKernels,
  heapKernelSlices,
  offsetOf,
  runSliced,
  xnnpackThreads,
} from './heap-kernels.js';
import { linearProductShape, type MatMulArgs } from './matmul-args.js';
import { describeOption } from './options.js';

// Our WebAssembly SIMD GEMM (scripts/gemm-wat.mjs) for the matrix products of dense-layer training:
// any of A, Aᵀ times any of B, Bᵀ in one call, read in place through strides (no transposed copies),
// columns cut between the heap kernels' threads. Each element is summed as XNNPACK sums it (over k in
// order, multiply then add), so the results are those of the paths it replaces, bit for bit (the
// golden-weight tests check).

/** The register tile: m must be a multiple of ROWS and n of COLUMNS (other shapes stay on XNNPACK). */
export const GEMM_TILE = { rows: 4, columns: 8 } as const;

let enabled = true;

/**
 * Turns our GEMM on (the default) or off: off, the products go to XNNPACK through explicit transposes,
 * with the same results, slower (benchmark/matmul.mjs compares the two).
 */
export function setSimdGemm(on: boolean): void {
  if (typeof on !== 'boolean') throw typeError('setSimdGemm', 'on', 'must be true or false', describeOption(on));
  enabled = on;
}

/** Whether setSimdGemm left our GEMM on. */
export function simdGemmEnabled(): boolean {
  return enabled;
}

/**
 * Whether our GEMM takes products on this backend, XNNPACK running on `threads` threads: it is on,
 * and either XNNPACK has one thread or our kernels have helper threads too (Node). In a browser page
 * with tfjs' threads our kernels have none, and one thread of ours is slower than XNNPACK on two.
 */
export function simdGemmTakes(backend: unknown, threads = xnnpackThreads(backend)): boolean {
  return enabled && (threads <= 1 || heapKernelHelpersActive(backend));
}

/** The GEMM's sizes for these arguments, or null when it does not take them (dtype, shape, activation). */
export function gemmShape(args: MatMulArgs): { m: number; n: number; k: number } | null {
  const shape = linearProductShape(args);
  if (shape == null) return null;
  const { m, n, k } = shape;
  return k > 0 && m > 0 && m % GEMM_TILE.rows === 0 && n % GEMM_TILE.columns === 0 ? shape : null;
}

/**
 * C = op(A)·op(B) (+ bias) by our GEMM; null when it does not take these arguments or has no kernels
 * here. The bias starts each sum, as in XNNPACK's fused bias, or with `biasLast` ends it.
 */
export function heapGemm(args: MatMulArgs, biasLast = false): TensorInfo | null {
  const shape = gemmShape(args);
  const { backend, inputs, attrs } = args;
  if (shape == null || !simdGemmTakes(backend) || heapKernels(backend) == null) return null;
  const { m, n, k } = shape;
  const { b, bias } = inputs;
  let a = inputs.a;
  const temporaries: TensorInfo[] = [];
  if (attrs.transposeA === true) {
    // Aᵀ read in place walks down columns: 4 rows of a tile are 4 floats of one cache line, and
    // the next k is a row (often 4 KB, the L1 set stride) further. A transposed copy costs ~1% of the product.
    const transposed = fastTranspose(backend, a);
    if (transposed == null) return null;
    temporaries.push(transposed);
    a = transposed;
  }
  const transposeB = attrs.transposeB === true;
  const out = backend.makeOutput([...a.shape.slice(0, -2), m, n], 'float32');
  // One packed panel (k × 8 floats) per thread.
  const slices = heapKernelSlices(backend);
  const panelBytes = 4 * GEMM_TILE.columns * k;
  temporaries.push(backend.makeOutput([slices * GEMM_TILE.columns * k], 'float32'));
  try {
    // Offsets are read after makeOutput: its allocation may grow (and move views of) the heap.
    const [aAt, bAt, cAt, panelAt] = [a, b, out, temporaries.at(-1) as TensorInfo].map((x) => offsetOf(backend, x));
    const biasAt = bias == null ? 0 : offsetOf(backend, bias);
    // Row-major storage: element (r, c) of a stored matrix is at r · (its columns) + c.
    const bStored = 4 * (b.shape.at(-1) as number);
    const [bRow, bCol] = transposeB ? [4, bStored] : [bStored, 4];
    const biasMode = bias == null ? 0 : biasLast ? 2 : 1;
    runSliced(
      backend,
      'gemm',
      n / GEMM_TILE.columns,
      m * k,
      (p0, p1, slice) => {
        const j0 = p0 * GEMM_TILE.columns;
        return [
          aAt,
          4 * k,
          4,
          bAt + j0 * bCol,
          bRow,
          bCol,
          panelAt + slice * panelBytes,
          cAt + 4 * j0,
          4 * n,
          biasMode === 0 ? 0 : biasAt + 4 * j0,
          biasMode,
          m,
          (p1 - p0) * GEMM_TILE.columns,
          k,
        ];
      },
      slices,
    );
  } finally {
    for (const t of temporaries) backend.disposeData(t.dataId);
  }
  return out;
}
