import { backend_util, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import type { WasmBackendInternals } from './heap-kernels.js';

// What tfjs passes the wasm Conv2D kernel, its two gradients and the depthwise conv's, and the
// geometry it implies.

/** The attributes the three kernels share (tfjs' Conv2DAttrs and the backprops' own). */
export interface ConvAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  /** Conv2D and the depthwise gradients (Conv2D's backprop kernels take none: tfjs' gradients refuse them). */
  dilations?: number | [number, number];
  /** Conv2DBackpropInput: the shape of x. */
  inputShape?: [number, number, number, number];
  /** Conv2DBackpropFilter: the shape of the filter. */
  filterShape?: [number, number, number, number];
}

export interface ConvArgs {
  inputs: Record<string, TensorInfo>;
  backend: WasmBackendInternals;
  attrs: ConvAttrs;
}

/** tfjs' Conv2DInfo for these shapes and attributes (the same call the stock kernels make). */
export function convInfo(
  xShape: number[],
  filterShape: number[],
  attrs: ConvAttrs,
  dilations = attrs.dilations ?? 1,
  depthwise = false,
): backend_util.Conv2DInfo {
  return backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    dilations,
    attrs.pad,
    attrs.dimRoundingMode,
    depthwise,
    backend_util.convertConv2DDataFormat(attrs.dataFormat ?? 'NHWC'),
  );
}

/** Whether our kernels take this convolution: float32 tensors, NHWC. */
export function takesConv(info: backend_util.Conv2DInfo, ...tensors: TensorInfo[]): boolean {
  return info.dataFormat === 'channelsLast' && tensors.every((t) => t.dtype === 'float32');
}

/**
 * A kernel wasm lacks, computed by `run` on the heap kernels: float32 NHWC only, and an error naming the
 * kernel for anything else (no stock kernel to fall back to).
 */
export function heapOnlyKernel(
  kernelName: string,
  inputNames: [string, string],
  run: (args: ConvArgs) => TensorInfo | null,
): KernelFunc {
  return (args) => {
    const convArgs = args as unknown as ConvArgs;
    const tensors = inputNames.map((name) => convArgs.inputs[name]);
    const format = convArgs.attrs.dataFormat ?? 'NHWC';
    if (tensors.some((t) => t.dtype !== 'float32') || format !== 'NHWC') {
      throw new Error(
        `${kernelName} (wasm): expected float32 ${inputNames.join(' and ')} in NHWC, found ` +
          `${tensors.map((t) => t.dtype).join(' and ')} in ${format}`,
      );
    }
    const out = run(convArgs);
    if (out == null)
      throw new Error(
        `${kernelName} (wasm): needs WebAssembly SIMD on the backend's memory, which is unavailable here`,
      );
    return out;
  };
}
