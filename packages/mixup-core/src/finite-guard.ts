import * as tf from '@tensorflow/tfjs-core';
import { countNonFinite } from '@manifold-mixup/tfjs-wasm-training';
import { NonFiniteError } from './non-finite-error.js';

/**
 * 0 when every value of every tensor is finite, else NaN: x·0 is 0 for finite x and NaN for
 * ±Inf and NaN, so the sum cannot overflow into a false alarm the way a plain sum could.
 */
function nonFiniteSentinel(tensors: tf.Tensor[]): tf.Scalar {
  return tf.tidy(() => tf.addN(tensors.map((t) => tf.sum(tf.mul(t, tf.scalar(0))))) as tf.Scalar);
}

/** Index of the first NaN or ±Inf in `values`, or -1. */
export function indexOfNonFinite(values: ArrayLike<number>): number {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return i;
  return -1;
}

/** Index and first bad value of the first tensor holding a non-finite value, or null. */
function firstNonFinite(tensors: tf.Tensor[]): { tensor: number; index: number; value: number } | null {
  for (let t = 0; t < tensors.length; t++) {
    const values = tensors[t].dataSync();
    const index = indexOfNonFinite(values);
    if (index >= 0) return { tensor: t, index, value: values[index] };
  }
  return null;
}

/** Whether every value is finite: on wasm one in-place SIMD read per tensor, elsewhere one reduction. */
function allFinite(tensors: tf.Tensor[]): boolean {
  const counts = tensors.map((t) => countNonFinite(t));
  if (counts.every((c) => c != null)) return counts.every((c) => c === 0);
  const sentinel = nonFiniteSentinel(tensors);
  const ok = sentinel.dataSync()[0] === 0;
  sentinel.dispose();
  return ok;
}

/**
 * Throw a NonFiniteError, naming the first offending tensor, when a value of `tensors` is NaN or ±Inf.
 * It runs before every update, so the names and the place are functions: built only for the message.
 */
export function assertFinite(tensors: tf.Tensor[], nameOf: (index: number) => string, where: () => string): void {
  if (tensors.length === 0 || allFinite(tensors)) return;
  const bad = firstNonFinite(tensors);
  if (bad == null) throw new NonFiniteError(`fit: non-finite values ${where()}; training stopped before the update`);
  const index = tensors[bad.tensor].size > 1 ? ` (at index ${bad.index})` : '';
  const name = nameOf(bad.tensor);
  throw new NonFiniteError(
    `fit: ${name} became ${bad.value}${index} ${where()}; training stopped before the update`,
    name,
    bad.value,
  );
}

/** Throw a NonFiniteError, naming the file, when a weight to be written is NaN or ±Inf. */
export function assertFiniteValues(values: Float32Array, name: string, file: string): void {
  const i = indexOfNonFinite(values);
  if (i >= 0)
    throw new NonFiniteError(
      `${file}: refusing to save ${name}: it holds ${values[i]} at index ${i} (non-finite weights)`,
      name,
      values[i],
    );
}
