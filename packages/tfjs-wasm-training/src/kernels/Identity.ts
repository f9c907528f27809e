import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { KernelPatch } from './kernel-patch.js';

// wasm's Identity copies the data, where Reshape (and the cpu backend's Identity) share the buffer
// and count references. Tensors are immutable, so sharing is safe, and it saves two copies of every
// weight matrix per training step (tfjs-core's fused matMul gradient and tf.layers both take
// identities of the kernel).

/** `stock` that shares its input's buffer instead of copying it, unless it must convert (Cast to another dtype). */
export function sharedBuffer(stock: KernelFunc): KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args as unknown as {
      inputs: { x: TensorInfo };
      backend: { incRef(dataId: object): void };
      attrs?: { dtype?: string };
    };
    const { x } = inputs;
    // Cast shares only when it casts to the dtype the tensor already has.
    if (x.dtype === 'string' || (attrs?.dtype != null && attrs.dtype !== x.dtype)) return stock(args);
    backend.incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
}

export const identityPatch: KernelPatch = { kernelName: 'Identity', patch: sharedBuffer };
