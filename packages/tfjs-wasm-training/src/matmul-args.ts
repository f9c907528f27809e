import { util, type TensorInfo } from '@tensorflow/tfjs-core';
import type { WasmBackendInternals } from './heap-kernels.js';

/** What tfjs passes the wasm BatchMatMul and _FusedMatMul kernels. */
export interface MatMulArgs {
  inputs: {
    a: TensorInfo;
    b: TensorInfo;
    bias?: TensorInfo;
    preluActivationWeights?: TensorInfo;
    [name: string]: TensorInfo | undefined;
  };
  backend: WasmBackendInternals;
  attrs: { transposeA?: boolean; transposeB?: boolean; activation?: string; [name: string]: unknown };
}

/**
 * C = op(A)·op(B) (+ bias) is m × n with inner size k, for a float32 product of one pair of matrices
 * (operands of one rank, every leading axis 1), a linear activation, no PReLU and a bias of n values
 * if any; null for anything else (our kernels' rewrites then leave it alone, and mismatched sizes
 * reach the stock kernel, which throws tfjs' own error).
 */
export function linearProductShape(args: MatMulArgs): { m: number; n: number; k: number } | null {
  const {
    inputs: { a, b, bias, preluActivationWeights },
    attrs,
  } = args;
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || preluActivationWeights != null) return null;
  if (attrs.activation != null && attrs.activation !== 'linear') return null;
  const rank = a.shape.length;
  if (rank < 2 || b.shape.length !== rank) return null;
  if ([...a.shape.slice(0, -2), ...b.shape.slice(0, -2)].some((d) => d !== 1)) return null;
  const [aRows, aCols] = a.shape.slice(-2);
  const [bRows, bCols] = b.shape.slice(-2);
  const m = attrs.transposeA === true ? aCols : aRows;
  const k = attrs.transposeA === true ? aRows : aCols;
  const n = attrs.transposeB === true ? bRows : bCols;
  if ((attrs.transposeB === true ? bCols : bRows) !== k) return null;
  if (bias != null && (bias.dtype !== 'float32' || util.sizeFromShape(bias.shape) !== n || bias.shape.at(-1) !== n))
    return null;
  return { m, n, k };
}
