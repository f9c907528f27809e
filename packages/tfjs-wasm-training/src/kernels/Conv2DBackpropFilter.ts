import type { KernelFunc } from '@tensorflow/tfjs-core';
import { convInfo, takesConv, type ConvArgs } from '../conv-args.js';
import { heapConv2DBackpropFilter } from '../heap-conv.js';
import type { AddedKernel } from './kernel-patch.js';

// tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter, so no conv layer trains on wasm without it:
// dW = im2col(x)ᵀ·dy on our GEMM (heap-conv.ts), for every padding and stride tfjs allows.

const conv2DBackpropFilter: KernelFunc = (args) => {
  const { inputs, backend, attrs } = args as unknown as ConvArgs;
  const { x, dy } = inputs;
  if (attrs.filterShape == null) throw new Error('Conv2DBackpropFilter (wasm): attrs.filterShape is missing');
  const info = convInfo(x.shape, attrs.filterShape, attrs, 1);
  if (!takesConv(info, x, dy)) {
    throw new Error(
      `Conv2DBackpropFilter (wasm): expected float32 x and dy in NHWC, found ${x.dtype} and ${dy.dtype} in ${attrs.dataFormat}`,
    );
  }
  const out = heapConv2DBackpropFilter(backend, x, dy, info);
  if (out == null)
    throw new Error(
      'Conv2DBackpropFilter (wasm): needs WebAssembly SIMD on the backend memory, which is unavailable here',
    );
  return out;
};

export const conv2DBackpropFilterKernel: AddedKernel = {
  kernelName: 'Conv2DBackpropFilter',
  kernelFunc: conv2DBackpropFilter,
};
