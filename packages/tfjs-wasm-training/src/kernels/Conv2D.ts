import type { KernelFunc } from '@tensorflow/tfjs-core';
import { convInfo, takesConv, type ConvArgs } from '../conv-args.js';
import { simdGemmTakes } from '../heap-gemm.js';
import { heapConv2D } from '../heap-conv.js';
import type { KernelPatch } from './kernel-patch.js';

// Conv2D as im2col(x)·W on our GEMM: 1.2-1.3x XNNPACK's (the stock kernel's) pace once the input has 8
// channels or more. Below that (a first layer on images) XNNPACK's own kernels are faster (ours 0.8-0.9x),
// so it keeps them, with 'same' or 'valid' padding: it gets some explicit paddings wrong (a 2 × 3 filter
// with pad 1, for one), which ours take whatever the channels.
const FEW_CHANNELS = 8;

function fastConv2D(stock: KernelFunc): KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args as unknown as ConvArgs;
    const { x, filter } = inputs;
    if (!simdGemmTakes(backend)) return stock(args);
    const info = convInfo(x.shape, filter.shape, attrs);
    if (info.inChannels < FEW_CHANNELS && typeof attrs.pad === 'string') return stock(args);
    return (takesConv(info, x, filter) ? heapConv2D(backend, x, filter, info) : null) ?? stock(args);
  };
}

export const conv2DPatch: KernelPatch = { kernelName: 'Conv2D', patch: fastConv2D };
