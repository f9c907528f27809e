import { util, type KernelFunc } from '@tensorflow/tfjs-core';
import { heapKernels, offsetOf } from '../heap-kernels.js';
import type { KernelPatch, WasmKernelArgs } from './kernel-patch.js';

// LeakyReLU's gradient is where(greater(x, 0), dy, dy*alpha): wasm's Greater (scalar broadcast) runs
// ~10 ns per element, as long as a 1024x100 matmul-sized step of other work. This SIMD version covers
// the float32 same-shape and scalar cases exactly (a comparison has no rounding); everything else
// goes to the stock kernel.

function fastGreater(stock: KernelFunc): KernelFunc {
  return (args) => {
    const {
      inputs: { a, b },
      backend,
    } = args as unknown as WasmKernelArgs;
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

export const greaterPatch: KernelPatch = { kernelName: 'Greater', patch: fastGreater };
