import { convInfo, heapOnlyKernel } from '../conv-args.js';
import { heapDepthwiseBackpropInput } from '../heap-depthwise.js';
import type { AddedKernel } from './kernel-patch.js';

// Missing from tfjs-backend-wasm 4.22: dx of a depthwise conv as a gather, each dx pixel summing dy
// times the filter over the output pixels that read it (heap-depthwise.ts).

export const depthwiseConv2dNativeBackpropInputKernel: AddedKernel = {
  kernelName: 'DepthwiseConv2dNativeBackpropInput',
  kernelFunc: heapOnlyKernel(
    'DepthwiseConv2dNativeBackpropInput',
    ['dy', 'filter'],
    ({ inputs: { dy, filter }, backend, attrs }) => {
      if (attrs.inputShape == null)
        throw new Error('DepthwiseConv2dNativeBackpropInput (wasm): attrs.inputShape is missing');
      const info = convInfo(attrs.inputShape, filter.shape, attrs, attrs.dilations ?? 1, true);
      return heapDepthwiseBackpropInput(backend, dy, filter, info);
    },
  ),
};
