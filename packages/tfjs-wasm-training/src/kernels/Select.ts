import { util, type KernelFunc } from '@tensorflow/tfjs-core';
import { heapKernels, offsetOf } from '../heap-kernels.js';
import type { KernelPatch, WasmKernelArgs } from './kernel-patch.js';

// The other half of LeakyReLU's gradient, where(greater(x, 0), dy, dy*alpha) (see Greater.ts): a
// SIMD version for a bool condition and float32 branches of one shape, exact (a selection has no
// rounding); everything else goes to the stock kernel.

function fastSelect(stock: KernelFunc): KernelFunc {
  return (args) => {
    const {
      inputs: { condition, t, e },
      backend,
    } = args as unknown as WasmKernelArgs;
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

export const selectPatch: KernelPatch = { kernelName: 'Select', patch: fastSelect };
