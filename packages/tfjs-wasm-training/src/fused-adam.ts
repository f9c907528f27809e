import { numberError, rangeError, typeError } from '@manifold-mixup/errors';
import * as tf from '@tensorflow/tfjs-core';
import { heapKernels, heapKernelsUsable, offsetOf, runSliced, type WasmBackendInternals } from './heap-kernels.js';

// Adam's update as one pass of a WebAssembly SIMD kernel over the wasm heap (w, g, m, v in;
// new w, m, v out) instead of 12 elementwise kernels per variable. It performs the very same
// f32 operations in the same order, so results are bit-identical to the kernel-by-kernel form.
// The outputs are new tensors (never written in place): XNNPACK caches packed weights by tensor
// id, and other tensors may share a moment's buffer.

const KERNEL = 'WasmTrainingFusedAdam';

export interface FusedAdamScalars {
  beta1: number;
  oneMinusBeta1: number;
  beta2: number;
  oneMinusBeta2: number;
  epsilon: number;
  step: number;
  /**
   * An L2 penalty l2·Σw² whose gradient is left out of g, folded in as g + (l2·w)·2 first: the f32
   * operations of tfjs' gradient of `tf.regularizers.l2({l2})` (l2·w from each side of w·w, summed)
   * added to the loss's gradient, so results are bit-identical to differentiating the penalty when
   * the penalty's gradient reaches w before the loss's (as it does when the penalty is computed
   * after the forward pass). Absent or 0: no penalty.
   */
  l2?: number;
}

const fusedAdamKernel: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as unknown as WasmBackendInternals;
  const { w, g, m, v } = inputs as Record<'w' | 'g' | 'm' | 'v', tf.TensorInfo>;
  const s = attrs as unknown as FusedAdamScalars;
  if (heapKernels(wasm) == null) throw new Error(`${KERNEL}: the wasm heap kernels are unavailable`);
  const outs = [w, m, v].map((t) => wasm.makeOutput(t.shape, 'float32'));
  // Offsets after makeOutput: an allocation may grow the heap.
  const offsets = [w, g, m, v, ...outs].map((t) => offsetOf(wasm, t));
  const decay = (s.l2 ?? 0) !== 0;
  runSliced(wasm, decay ? 'adamL2' : 'adam', tf.util.sizeFromShape(w.shape), 1, (start, end) => [
    ...offsets.map((offset) => offset + 4 * start),
    end - start,
    s.beta1,
    s.oneMinusBeta1,
    s.beta2,
    s.oneMinusBeta2,
    s.epsilon,
    s.step,
    ...(decay ? [s.l2 as number] : []),
  ]);
  return outs;
};

/** True when the current backend is wasm and the fused update can run on it (registers it once). */
export function fusedAdamAvailable(): boolean {
  if (tf.getBackend() !== 'wasm' || heapKernels(tf.backend()) == null) return false;
  if (tf.getKernel(KERNEL, 'wasm') == null)
    tf.registerKernel({ kernelName: KERNEL, backendName: 'wasm', kernelFunc: fusedAdamKernel });
  return true;
}

/** What fusedAdamAvailable() will answer on this backend, without binding the heap kernels to it yet. */
export function fusedAdamUsable(backendName: string, backend: unknown): boolean {
  return backendName === 'wasm' && heapKernelsUsable(backend);
}

/** [w', m', v'] as new tensors; all inputs float32 of one shape; `fusedAdamAvailable()` must be true. */
export function fusedAdamUpdate(
  w: tf.Tensor,
  g: tf.Tensor,
  m: tf.Tensor,
  v: tf.Tensor,
  scalars: FusedAdamScalars,
): tf.Tensor[] {
  for (const [name, t] of Object.entries({ g, m, v })) {
    if (t.dtype !== 'float32' || !tf.util.arraysEqual(t.shape, w.shape)) {
      // The wrong dtype is the wrong kind of tensor; the right dtype in the wrong shape, a size that disagrees.
      const make = t.dtype !== 'float32' ? typeError : rangeError;
      throw make(
        'fusedAdamUpdate',
        name,
        `must be float32 of shape [${w.shape.join(', ')}]`,
        `${t.dtype} [${t.shape.join(', ')}]`,
      );
    }
  }
  if (scalars.l2 !== undefined && !(scalars.l2 >= 0 && Number.isFinite(scalars.l2)))
    throw numberError('fusedAdamUpdate', 'scalars.l2', 'must be a finite number >= 0', scalars.l2);
  return tf.engine().runKernel(KERNEL, { w, g, m, v }, scalars as unknown as tf.NamedAttrMap) as tf.Tensor[];
}
