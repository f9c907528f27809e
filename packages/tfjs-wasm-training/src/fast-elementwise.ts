import { util, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import { heapKernels, offsetOf, type WasmBackendInternals } from './heap-kernels.js';

// LeakyReLU's gradient is where(greater(x, 0), dy, dy*alpha): wasm's Greater (scalar
// broadcast) and Select run ~10 ns per element, as long as a 1024x100 matmul-sized step of
// other work. These SIMD versions cover the float32 same-shape and scalar cases exactly
// (comparisons and selections have no rounding); everything else goes to the stock kernel.

interface Args {
  inputs: Record<string, TensorInfo>;
  backend: WasmBackendInternals;
}

export function fastGreater(stock: KernelFunc): KernelFunc {
  return (args) => {
    const {
      inputs: { a, b },
      backend,
    } = args as unknown as Args;
    const kernels = heapKernels(backend);
    const scalar = util.sizeFromShape(b.shape) === 1 && b.shape.length <= a.shape.length;
    if (
      kernels == null ||
      a.dtype !== 'float32' ||
      b.dtype !== 'float32' ||
      !(scalar || util.arraysEqual(a.shape, b.shape))
    )
      return stock(args);
    const out = backend.makeOutput(a.shape, 'bool' as 'float32');
    kernels.greater(
      offsetOf(backend, a),
      offsetOf(backend, b),
      offsetOf(backend, out),
      util.sizeFromShape(a.shape),
      scalar ? 0 : 1,
    );
    return out;
  };
}

export function fastSelect(stock: KernelFunc): KernelFunc {
  return (args) => {
    const {
      inputs: { condition, t, e },
      backend,
    } = args as unknown as Args;
    const kernels = heapKernels(backend);
    const same = util.arraysEqual(condition.shape, t.shape) && util.arraysEqual(t.shape, e.shape);
    if (kernels == null || condition.dtype !== 'bool' || t.dtype !== 'float32' || e.dtype !== 'float32' || !same)
      return stock(args);
    const out = backend.makeOutput(t.shape, 'float32');
    kernels.select(
      offsetOf(backend, condition),
      offsetOf(backend, t),
      offsetOf(backend, e),
      offsetOf(backend, out),
      util.sizeFromShape(t.shape),
    );
    return out;
  };
}
