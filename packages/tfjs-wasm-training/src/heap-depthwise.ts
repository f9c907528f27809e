import type { backend_util, TensorInfo } from '@tensorflow/tfjs-core';
import { depthwisePlan } from './conv-plan.js';
import { heapKernels, type WasmBackendInternals } from './heap-kernels.js';
import { runPlan, sumOverGroups, Temporaries, zeros } from './plan-runner.js';

// The two gradients of a depthwise convolution (NHWC, float32) by the heap kernels
// (scripts/depthwise-wat.mjs); null when the heap kernels are unavailable. `info` comes from
// computeConv2DInfo with depthwise = true.

/** dW of a depthwise conv of x for dy, in the filter's shape [fH, fW, inChannels, multiplier]. */
export function heapDepthwiseBackpropFilter(
  backend: WasmBackendInternals,
  x: TensorInfo,
  dy: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo | null {
  if (heapKernels(backend) == null) return null;
  const plan = depthwisePlan('depthwiseBackpropFilter', info);
  const out = backend.makeOutput(info.filterShape, 'float32');
  if (plan.groups === 0) return zeros(backend, out); // an empty batch
  const temps = new Temporaries(backend);
  try {
    // The groups' partial sums (each in the filter's layout), added in order.
    sumOverGroups(backend, temps, plan, info.filterHeight * info.filterWidth * info.outChannels, [x, dy], out);
  } finally {
    temps.dispose();
  }
  return out;
}

/** dx of a depthwise conv with `filter` for dy (x's shape is info.inShape). */
export function heapDepthwiseBackpropInput(
  backend: WasmBackendInternals,
  dy: TensorInfo,
  filter: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo | null {
  if (heapKernels(backend) == null) return null;
  const out = backend.makeOutput(info.inShape, 'float32');
  const temps = new Temporaries(backend);
  try {
    runPlan(backend, temps, depthwisePlan('depthwiseBackpropInput', info), [dy, filter, out]);
  } finally {
    temps.dispose();
  }
  return out;
}
