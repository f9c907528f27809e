import { backend_util, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import { heapMaxPoolGrad } from '../heap-pool.js';
import type { WasmBackendInternals } from '../heap-kernels.js';
import type { KernelPatch } from './kernel-patch.js';

// wasm's MaxPoolGrad finds every window's maximum again for each dx element: on the MNIST convnet it
// took longer than all the convolutions of a step together. Ours is one SIMD pass over dy
// (scripts/pool-wat.mjs); other dtypes go to the stock kernel.

interface MaxPoolGradArgs {
  inputs: { dy: TensorInfo; input: TensorInfo };
  backend: WasmBackendInternals;
  attrs: {
    filterSize: number | [number, number];
    strides: number | [number, number];
    pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
  };
}

function fastMaxPoolGrad(stock: KernelFunc): KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args as unknown as MaxPoolGradArgs;
    const { dy, input } = inputs;
    if (dy.dtype !== 'float32' || input.dtype !== 'float32') return stock(args);
    const info = backend_util.computePool2DInfo(
      input.shape as [number, number, number, number],
      attrs.filterSize,
      attrs.strides,
      1,
      attrs.pad,
      attrs.dimRoundingMode,
    );
    return heapMaxPoolGrad(backend, input, dy, info) ?? stock(args);
  };
}

export const maxPoolGradPatch: KernelPatch = { kernelName: 'MaxPoolGrad', patch: fastMaxPoolGrad };
