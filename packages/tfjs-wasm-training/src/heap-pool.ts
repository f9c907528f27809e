import type { TensorInfo } from '@tensorflow/tfjs-core';
import { maxPoolGradPlan, type WindowInfo } from './conv-plan.js';
import { heapKernels, type WasmBackendInternals } from './heap-kernels.js';
import { runPlan, Temporaries } from './plan-runner.js';

/**
 * dx of a max-pool of x (NHWC, float32) for dy, by the heap kernels (scripts/pool-wat.mjs), images cut
 * between threads; null when the heap kernels are unavailable.
 */
export function heapMaxPoolGrad(
  backend: WasmBackendInternals,
  x: TensorInfo,
  dy: TensorInfo,
  info: WindowInfo,
): TensorInfo | null {
  if (heapKernels(backend) == null) return null;
  const dx = backend.makeOutput(x.shape, 'float32');
  const temps = new Temporaries(backend);
  try {
    runPlan(backend, temps, maxPoolGradPlan(info), [x, dy, dx]);
  } finally {
    temps.dispose();
  }
  return dx;
}
