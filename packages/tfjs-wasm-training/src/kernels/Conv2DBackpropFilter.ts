import { convInfo, heapOnlyKernel } from '../conv-args.js';
import { heapConv2DBackpropFilter } from '../heap-conv.js';
import type { AddedKernel } from './kernel-patch.js';

// tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter, so no conv layer trains on wasm without it:
// dW = im2col(x)ᵀ·dy on our GEMM (heap-conv.ts), for every padding and stride tfjs allows.

export const conv2DBackpropFilterKernel: AddedKernel = {
  kernelName: 'Conv2DBackpropFilter',
  kernelFunc: heapOnlyKernel('Conv2DBackpropFilter', ['x', 'dy'], ({ inputs: { x, dy }, backend, attrs }) => {
    if (attrs.filterShape == null) throw new Error('Conv2DBackpropFilter (wasm): attrs.filterShape is missing');
    return heapConv2DBackpropFilter(backend, x, dy, convInfo(x.shape, attrs.filterShape, attrs, 1));
  }),
};
