import * as tf from '@tensorflow/tfjs-core';
import type { layers } from '@tensorflow/tfjs-layers';

// tf.layers' Dense multiplies with tfjs' fused matMul, whose gradient computes the gradients of
// all its inputs at once, the input's dy·Wᵀ included. A dense layer that only sees data (no
// layer with weights before it) never needs that one: for the seed's 784-pixel MNIST input it is
// a full 100x1024x784 matmul per step, ~4% of it. Computed as matMul + add + activation, the same
// f32 operations, tfjs only differentiates what leads to the weights.

/** The parts of tf.layers' Dense this reads (not all in its public typings). */
interface DenseInternals {
  getClassName(): string;
  kernel: { read(): tf.Tensor } | null;
  bias: { read(): tf.Tensor } | null;
  activation: { apply(x: tf.Tensor): tf.Tensor } | null;
}

/** True when `layer` is a built tf.layers Dense this module can evaluate itself. */
export function isPlainDense(layer: layers.Layer): boolean {
  const dense = layer as unknown as Partial<DenseInternals>;
  return layer.getClassName() === 'Dense' && dense.kernel != null && typeof dense.activation?.apply === 'function';
}

/** `layer.apply(x)` for a plain Dense layer and a 2-D `x`, without the gradient with respect to x. */
export function applyDataDense(layer: layers.Layer, x: tf.Tensor): tf.Tensor {
  const dense = layer as unknown as DenseInternals;
  return tf.tidy(() => {
    let y = tf.matMul(x, dense.kernel!.read());
    if (dense.bias != null) y = tf.add(y, dense.bias.read());
    return dense.activation!.apply(y);
  });
}
