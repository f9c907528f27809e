import type { KernelFunc } from '@tensorflow/tfjs-core';
import { convInfo, takesConv, type ConvArgs } from '../conv-args.js';
import { simdGemmTakes } from '../heap-gemm.js';
import { heapConv2D } from '../heap-conv.js';
import type { KernelPatch } from './kernel-patch.js';

// Conv2D as im2col(x)·W on our GEMM (XNNPACK's, the stock kernel, runs at about half its pace on a
// convnet's layers, and gets some explicit paddings wrong: a 2 × 3 filter with pad 1, for one).

function fastConv2D(stock: KernelFunc): KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args as unknown as ConvArgs;
    const { x, filter } = inputs;
    if (!simdGemmTakes(backend)) return stock(args);
    const info = convInfo(x.shape, filter.shape, attrs);
    return (takesConv(info, x, filter) ? heapConv2D(backend, x, filter, info) : null) ?? stock(args);
  };
}

export const conv2DPatch: KernelPatch = { kernelName: 'Conv2D', patch: fastConv2D };
