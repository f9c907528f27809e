import type { KernelFunc } from '@tensorflow/tfjs-core';
import { convInfo, takesConv, type ConvArgs } from '../conv-args.js';
import { simdGemmTakes } from '../heap-gemm.js';
import { heapConv2DBackpropInput } from '../heap-conv.js';
import type { KernelPatch } from './kernel-patch.js';

// wasm's Conv2DBackpropInput is a plain loop (1.8 GFLOP/s on a convnet's second layer, ten times
// slower than its forward pass): ours is dy·Wᵀ on our GEMM, then col2im. Other cases go to the stock kernel.

function fastConv2DBackpropInput(stock: KernelFunc): KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args as unknown as ConvArgs;
    const { dy, filter } = inputs;
    if (attrs.inputShape == null || !simdGemmTakes(backend)) return stock(args);
    const info = convInfo(attrs.inputShape, filter.shape, attrs, 1);
    return (takesConv(info, dy, filter) ? heapConv2DBackpropInput(backend, dy, filter, info) : null) ?? stock(args);
  };
}

export const conv2DBackpropInputPatch: KernelPatch = {
  kernelName: 'Conv2DBackpropInput',
  patch: fastConv2DBackpropInput,
};
