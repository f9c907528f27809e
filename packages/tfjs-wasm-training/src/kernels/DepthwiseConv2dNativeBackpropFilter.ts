import { convInfo, heapOnlyKernel } from '../conv-args.js';
import { heapDepthwiseBackpropFilter } from '../heap-depthwise.js';
import type { AddedKernel } from './kernel-patch.js';

// Missing from tfjs-backend-wasm 4.22 (no depthwise or separable conv layer trains on wasm without it):
// dW as a SIMD sum of x·dy over the output pixels (heap-depthwise.ts), any padding, stride, dilation
// and channel multiplier tfjs allows.

export const depthwiseConv2dNativeBackpropFilterKernel: AddedKernel = {
  kernelName: 'DepthwiseConv2dNativeBackpropFilter',
  kernelFunc: heapOnlyKernel(
    'DepthwiseConv2dNativeBackpropFilter',
    ['x', 'dy'],
    ({ inputs: { x, dy }, backend, attrs }) => {
      if (attrs.filterShape == null)
        throw new Error('DepthwiseConv2dNativeBackpropFilter (wasm): attrs.filterShape is missing');
      const info = convInfo(x.shape, attrs.filterShape, attrs, attrs.dilations ?? 1, true);
      return heapDepthwiseBackpropFilter(backend, x, dy, info);
    },
  ),
};
