import {
  getKernel,
  registerKernel,
  unregisterKernel,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';

// tfjs-backend-wasm 4.22 only sends a matmul to XNNPACK when neither operand is
// transposed; with transposeA/transposeB it falls back to a naive triple loop that
// is 10-50x slower. Every dense backward pass asks for a transposed operand
// (dx = dy·Wᵀ, dW = xᵀ·dy), so training crawls. We re-register the wasm kernels
// so the untransposed fast path always does the multiplication, after explicit
// transposes by the (fast) wasm Transpose kernel. Two ways to get there:
// - 'operands': transpose the flagged operands, C = A'·B';
// - 'output': C = (op(B)ᵀ·op(A)ᵀ)ᵀ, which transposes the unflagged operands and C.
// For dx = dy·Wᵀ the second moves two batch-sized matrices instead of the whole
// weight matrix, and XNNPACK then packs the small operand instead of Wᵀ.

// Identity too: wasm copies the data, where Reshape (and the cpu backend's Identity) share
// the buffer and count references. Tensors are immutable, so sharing is safe, and it saves
// two copies of every weight matrix per training step (tfjs-core's fused matMul gradient
// and tf.layers both take identities of the kernel).
const PATCHED = ['BatchMatMul', '_FusedMatMul', 'Identity'] as const;
const stockConfigs = new Map<string, KernelConfig>();

interface MatMulArgs {
  inputs: { a: TensorInfo; b: TensorInfo; [name: string]: TensorInfo | undefined };
  backend: { disposeData(dataId: object): unknown };
  attrs: { transposeA?: boolean; transposeB?: boolean; [name: string]: unknown };
}

function swapLastTwo(rank: number): number[] {
  const perm = Array.from({ length: rank }, (_, i) => i);
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return perm;
}

const sizeOf = (shape: number[]): number => shape.reduce((p, d) => p * d, 1);

/**
 * Which explicit transposes cost fewer element moves (XNNPACK also repacks the second
 * operand on every new tensor, so that is counted too). 'output' needs no bias or
 * activation (those apply to C, not Cᵀ).
 */
export function planTransposes(aSize: number, bSize: number, cSize: number, transposeA: boolean, transposeB: boolean): 'operands' | 'output' {
  const operands = (transposeA ? aSize : 0) + (transposeB ? bSize : 0) + bSize;
  const output = (transposeA ? 0 : aSize) + (transposeB ? 0 : bSize) + cSize + aSize;
  return output < operands ? 'output' : 'operands';
}

function explicitTransposes(stock: KernelFunc, transpose: KernelFunc, fused: boolean): KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args as unknown as MatMulArgs;
    const transposeA = attrs.transposeA === true;
    const transposeB = attrs.transposeB === true;
    if (!transposeA && !transposeB) return stock(args);
    const temporaries: TensorInfo[] = [];
    const flip = (x: TensorInfo): TensorInfo => {
      const t = transpose({ inputs: { x }, backend, attrs: { perm: swapLastTwo(x.shape.length) } } as never) as TensorInfo;
      temporaries.push(t);
      return t;
    };
    const multiply = (a: TensorInfo, b: TensorInfo): TensorInfo =>
      stock({ inputs: { ...inputs, a, b }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } } as never) as TensorInfo;
    const { a, b } = inputs;
    try {
      const rank = a.shape.length;
      const rows = a.shape[transposeA ? rank - 1 : rank - 2];
      const cols = b.shape[transposeB ? b.shape.length - 2 : b.shape.length - 1];
      const cSize = Math.max(sizeOf(a.shape.slice(0, -2)), sizeOf(b.shape.slice(0, -2))) * rows * cols;
      if (!fused && planTransposes(sizeOf(a.shape), sizeOf(b.shape), cSize, transposeA, transposeB) === 'output') {
        const cT = multiply(transposeB ? b : flip(b), transposeA ? a : flip(a));
        temporaries.push(cT);
        const c = transpose({ inputs: { x: cT }, backend, attrs: { perm: swapLastTwo(cT.shape.length) } } as never) as TensorInfo;
        return c;
      }
      return multiply(transposeA ? flip(a) : a, transposeB ? flip(b) : b);
    } finally {
      for (const t of temporaries) backend.disposeData(t.dataId);
    }
  };
}

function sharedIdentity(stock: KernelFunc): KernelFunc {
  return (args) => {
    const { inputs, backend } = args as unknown as { inputs: { x: TensorInfo }; backend: { incRef(dataId: object): void } };
    const { x } = inputs;
    if (x.dtype === 'string') return stock(args);
    backend.incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
}

/** True when the wasm matmul kernels are currently the explicit-transpose versions. */
export function isFastWasmMatMulInstalled(): boolean {
  return stockConfigs.size > 0;
}

/**
 * Replace the wasm BatchMatMul and _FusedMatMul kernels by versions that transpose
 * explicitly before multiplying, and Identity by one that shares the buffer. Idempotent. Returns false when the wasm kernels
 * are not registered (tfjs-backend-wasm not imported yet).
 */
export function installFastWasmMatMul(): boolean {
  if (isFastWasmMatMulInstalled()) return true;
  const transpose = getKernel('Transpose', 'wasm');
  const stocks = PATCHED.map((name) => getKernel(name, 'wasm'));
  if (transpose == null || stocks.some((k) => k == null)) return false;
  for (const stock of stocks as KernelConfig[]) {
    stockConfigs.set(stock.kernelName, stock);
    unregisterKernel(stock.kernelName, 'wasm');
    const kernelFunc =
      stock.kernelName === 'Identity'
        ? sharedIdentity(stock.kernelFunc)
        : explicitTransposes(stock.kernelFunc, transpose.kernelFunc, stock.kernelName !== 'BatchMatMul');
    registerKernel({ ...stock, kernelFunc });
  }
  return true;
}

/** Put the stock tfjs-backend-wasm matmul kernels back (used to compare against them). */
export function uninstallFastWasmMatMul(): void {
  for (const [name, stock] of stockConfigs) {
    unregisterKernel(name, 'wasm');
    registerKernel(stock);
  }
  stockConfigs.clear();
}
