import type { backend_util, TensorInfo } from '@tensorflow/tfjs-core';
import { convPlan, type ConvKernel, type ConvPlan } from './conv-plan.js';
import { heapKernels, offsetOf, type WasmBackendInternals } from './heap-kernels.js';
import { heap, runPlan, sumOverGroups, Temporaries, zeros } from './plan-runner.js';

// Conv2D and its two gradients (NHWC, float32) on our GEMM, through im2col (scripts/conv-wat.mjs cuts
// the work; conv-plan.ts says how). The drivers here allocate the geometry block and the scratch, cut
// the units between threads and put the result together; null when the heap kernels are unavailable.

function planFor(kernel: ConvKernel, info: backend_util.Conv2DInfo, backend: WasmBackendInternals): ConvPlan | null {
  return heapKernels(backend) == null ? null : convPlan(kernel, info);
}

/** y = conv2d(x, filter) (+ bias, which then starts every sum, as XNNPACK's does). */
export function heapConv2D(
  backend: WasmBackendInternals,
  x: TensorInfo,
  filter: TensorInfo,
  info: backend_util.Conv2DInfo,
  bias?: TensorInfo,
): TensorInfo | null {
  const plan = planFor('convForward', info, backend);
  if (plan == null) return null;
  const { outChannels: o } = info;
  const k = info.filterHeight * info.filterWidth * info.inChannels;
  const out = backend.makeOutput(info.outShape, 'float32');
  const temps = new Temporaries(backend);
  try {
    // The GEMM's columns come 8 at a time: the filter's rows (and the bias) get zero columns to oLd.
    const w = plan.oLd === o ? filter : padRows(backend, temps, filter, k, o, plan.oLd);
    const b = bias == null || plan.oLd === o ? bias : padRows(backend, temps, bias, 1, o, plan.oLd);
    runPlan(backend, temps, plan, [x, w, b ?? 0, b == null ? 0 : 1, out]);
  } finally {
    temps.dispose();
  }
  return out;
}

/** A copy of the rows × cols matrix `x` with zero columns appended up to `width`. */
function padRows(
  backend: WasmBackendInternals,
  temps: Temporaries,
  x: TensorInfo,
  rows: number,
  cols: number,
  width: number,
): TensorInfo {
  const padded = temps.floats(rows * width);
  const { f32 } = heap(backend);
  const [from, to] = [offsetOf(backend, x) / 4, offsetOf(backend, padded) / 4];
  f32.fill(0, to, to + rows * width);
  for (let r = 0; r < rows; r++) f32.copyWithin(to + r * width, from + r * cols, from + (r + 1) * cols);
  return padded;
}

/** dx of conv2d(x, filter) for dy (x's shape is info.inShape). */
export function heapConv2DBackpropInput(
  backend: WasmBackendInternals,
  dy: TensorInfo,
  filter: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo | null {
  const plan = planFor('convBackpropInput', info, backend);
  if (plan == null) return null;
  const k = info.filterHeight * info.filterWidth * info.inChannels;
  const { ld } = plan;
  const out = backend.makeOutput(info.inShape, 'float32');
  const temps = new Temporaries(backend);
  try {
    // The GEMM reads ld rows of the filter (Wᵀ's columns, 8 at a time): zero rows beyond its K.
    let w = filter;
    if (ld !== k) {
      w = temps.floats(ld * info.outChannels);
      const { f32 } = heap(backend);
      const [from, to] = [offsetOf(backend, filter) / 4, offsetOf(backend, w) / 4];
      f32.copyWithin(to, from, from + k * info.outChannels);
      f32.fill(0, to + k * info.outChannels, to + ld * info.outChannels);
    }
    runPlan(backend, temps, plan, [dy, w, out]);
  } finally {
    temps.dispose();
  }
  return out;
}

/** dW of conv2d(x, filter) for dy, in the filter's shape [fH, fW, inChannels, outChannels]. */
export function heapConv2DBackpropFilter(
  backend: WasmBackendInternals,
  x: TensorInfo,
  dy: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo | null {
  const plan = planFor('convBackpropFilter', info, backend);
  const kernels = heapKernels(backend);
  if (plan == null || kernels == null) return null;
  const { outChannels: o } = info;
  const k = info.filterHeight * info.filterWidth * info.inChannels;
  const { ld, block } = plan;
  const out = backend.makeOutput(info.filterShape, 'float32');
  if (plan.groups === 0) return zeros(backend, out); // an empty batch
  const temps = new Temporaries(backend);
  try {
    // The groups' partial sums added in order: dW's K rows of O (byRows) or dWᵀ, transposed to [K, O];
    // then the K·O floats of dW out of the padded block.
    const sum = sumOverGroups(backend, temps, plan, block, [x, dy]);
    let result = sum;
    if (!plan.byRows) {
      result = ld === k ? out : temps.floats(ld * o);
      kernels.transpose(offsetOf(backend, sum), offsetOf(backend, result), o, ld, o);
    }
    if (result !== out) {
      const from = offsetOf(backend, result) / 4;
      heap(backend).f32.copyWithin(offsetOf(backend, out) / 4, from, from + k * o);
    }
  } finally {
    temps.dispose();
  }
  return out;
}
