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
// so a transposed operand is first materialised by the (fast) wasm Transpose
// kernel and the untransposed fast path does the multiplication.

const PATCHED = ['BatchMatMul', '_FusedMatMul'] as const;
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

function explicitTransposes(stock: KernelFunc, transpose: KernelFunc): KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args as unknown as MatMulArgs;
    if (!attrs.transposeA && !attrs.transposeB) return stock(args);
    const temporaries: TensorInfo[] = [];
    const flip = (x: TensorInfo): TensorInfo => {
      const t = transpose({ inputs: { x }, backend, attrs: { perm: swapLastTwo(x.shape.length) } } as never) as TensorInfo;
      temporaries.push(t);
      return t;
    };
    const a = attrs.transposeA ? flip(inputs.a) : inputs.a;
    const b = attrs.transposeB ? flip(inputs.b) : inputs.b;
    try {
      return stock({
        inputs: { ...inputs, a, b },
        backend,
        attrs: { ...attrs, transposeA: false, transposeB: false },
      } as never);
    } finally {
      for (const t of temporaries) backend.disposeData(t.dataId);
    }
  };
}

/** True when the wasm matmul kernels are currently the explicit-transpose versions. */
export function isFastWasmMatMulInstalled(): boolean {
  return stockConfigs.size > 0;
}

/**
 * Replace the wasm BatchMatMul and _FusedMatMul kernels by versions that transpose
 * explicitly before multiplying. Idempotent. Returns false when the wasm kernels
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
    registerKernel({ ...stock, kernelFunc: explicitTransposes(stock.kernelFunc, transpose.kernelFunc) });
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
