import { typeError } from '@manifold-mixup/errors';
import * as tf from '@tensorflow/tfjs-core';
import { heapKernels, offsetOf, type WasmBackendInternals } from './heap-kernels.js';

/**
 * How many values of a float32 tensor are NaN or ±Inf, read in place on the wasm heap by one SIMD
 * pass (no tensor is allocated, nothing is copied out); null when the wasm backend is not active or
 * its heap kernels are unavailable, so the caller falls back to tfjs ops. A training loop can check
 * every weight and gradient before an update for about the cost of reading them once.
 */
export function countNonFinite(x: tf.Tensor): number | null {
  if (tf.getBackend() !== 'wasm') return null;
  const backend = tf.backend() as unknown as WasmBackendInternals;
  const kernels = heapKernels(backend);
  if (kernels == null) return null;
  if (x.dtype !== 'float32') throw typeError('countNonFinite', 'x', 'must be a float32 tensor', x.dtype);
  return kernels.countNonFinite(offsetOf(backend, x), x.size);
}
