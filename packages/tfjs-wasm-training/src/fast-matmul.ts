import { util, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import { heapGemm } from './heap-gemm.js';
import { linearProductShape, type MatMulArgs } from './matmul-args.js';
import { fastTranspose, heapKernels } from './heap-kernels.js';

// tfjs-backend-wasm 4.22 only sends a matmul to XNNPACK when neither operand is
// transposed; with transposeA/transposeB it falls back to a naive triple loop that
// is 10-50x slower. Every dense backward pass asks for a transposed operand
// (dx = dy·Wᵀ, dW = xᵀ·dy), so training crawls. Our BatchMatMul and _FusedMatMul
// kernels (kernels/) make the untransposed fast path always do the multiplication,
// after explicit transposes (our SIMD transpose, else wasm's own). Two ways to get there:
// - 'operands': transpose the flagged operands, C = A'·B';
// - 'output': C = (op(B)ᵀ·op(A)ᵀ)ᵀ, which transposes the unflagged operands and C.
// For dx = dy·Wᵀ the second moves two batch-sized matrices instead of the whole
// weight matrix, and XNNPACK then packs the small operand instead of Wᵀ.

function swapLastTwo(rank: number): number[] {
  const perm = Array.from({ length: rank }, (_, i) => i);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return perm;
}

const sizeOf = util.sizeFromShape;

/**
 * Which explicit transposes cost fewer element moves (XNNPACK also repacks the second
 * operand on every new tensor, so that is counted too). 'output' needs no bias or
 * activation (those apply to C, not Cᵀ).
 */
export function planTransposes(
  aSize: number,
  bSize: number,
  cSize: number,
  transposeA: boolean,
  transposeB: boolean,
): 'operands' | 'output' {
  const operands = (transposeA ? aSize : 0) + (transposeB ? bSize : 0) + bSize;
  const output = (transposeA ? 0 : aSize) + (transposeB ? 0 : bSize) + cSize + aSize;
  return output < operands ? 'output' : 'operands';
}

/**
 * Whether a fused x·W (no transposes) is cheaper as (Wᵀ·xᵀ)ᵀ: XNNPACK packs (transposes and
 * reorders) its second operand whenever that tensor is new, ~12 ms per million weights, and
 * Adam makes every weight matrix a new tensor each step. As (Wᵀ·xᵀ)ᵀ the packed operand is
 * the small xᵀ and W only needs our SIMD transpose (~1 ms per million). Only without
 * activation (a bias is added while transposing C back) and when A and C are small next to B.
 */
export function useTransposedForward(args: MatMulArgs): boolean {
  if (args.attrs.transposeA === true || args.attrs.transposeB === true) return false;
  const shape = linearProductShape(args);
  if (shape == null) return false;
  const { a, b } = args.inputs;
  // Kernels last: instantiating them on tfjs' memory costs other wasm code a few % (BENCHMARKS.md).
  return 4 * (sizeOf(a.shape) + shape.m * shape.n) <= sizeOf(b.shape) && heapKernels(args.backend) != null;
}

/**
 * The matmul kernel `stock` (BatchMatMul, or _FusedMatMul when `fused`) rewritten to reach our GEMM or
 * XNNPACK's untransposed path: explicit transposes by our SIMD transpose, else by `transpose`.
 */
export function explicitTransposes(stock: KernelFunc, transpose: KernelFunc, fused: boolean): KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args as unknown as MatMulArgs;
    const transposeA = attrs.transposeA === true;
    const transposeB = attrs.transposeB === true;
    // Plain matMuls too: a dense layer computed as matMul + add (as mixup-core does with its first) is one.
    const transposedForward = useTransposedForward(args as unknown as MatMulArgs);
    // Our GEMM where it takes the shapes; the bias where the path it replaces adds it (see heap-gemm.ts).
    const viaGemm = heapGemm(args as unknown as MatMulArgs, transposedForward);
    if (viaGemm != null) return viaGemm;
    if (!transposeA && !transposeB && !transposedForward) return stock(args);
    const temporaries: TensorInfo[] = [];
    const transposed = (x: TensorInfo, bias?: TensorInfo): TensorInfo =>
      fastTranspose(backend, x, bias) ??
      (transpose({ inputs: { x }, backend, attrs: { perm: swapLastTwo(x.shape.length) } } as never) as TensorInfo);
    const flip = (x: TensorInfo): TensorInfo => {
      const t = transposed(x);
      temporaries.push(t);
      return t;
    };
    const multiply = (a: TensorInfo, b: TensorInfo, plain = false): TensorInfo => {
      const extra = plain ? { bias: undefined, preluActivationWeights: undefined } : {};
      const plainAttrs = plain ? { activation: 'linear' } : {};
      return stock({
        inputs: { ...inputs, a, b, ...extra },
        backend,
        attrs: { ...attrs, ...plainAttrs, transposeA: false, transposeB: false },
      } as never) as TensorInfo;
    };
    const { a, b } = inputs;
    try {
      if (transposedForward) {
        const cT = multiply(flip(b), flip(a), true);
        temporaries.push(cT);
        // useTransposedForward checked that the kernels exist and the shapes suit them.
        return fastTranspose(backend, cT, inputs.bias) as TensorInfo;
      }
      const rank = a.shape.length;
      const rows = a.shape[transposeA ? rank - 1 : rank - 2];
      const cols = b.shape[transposeB ? b.shape.length - 2 : b.shape.length - 1];
      const cSize = Math.max(sizeOf(a.shape.slice(0, -2)), sizeOf(b.shape.slice(0, -2))) * rows * cols;
      if (!fused && planTransposes(sizeOf(a.shape), sizeOf(b.shape), cSize, transposeA, transposeB) === 'output') {
        const cT = multiply(transposeB ? b : flip(b), transposeA ? a : flip(a));
        temporaries.push(cT);
        return transposed(cT);
      }
      return multiply(transposeA ? flip(a) : a, transposeB ? flip(b) : b);
    } finally {
      for (const t of temporaries) backend.disposeData(t.dataId);
    }
  };
}
