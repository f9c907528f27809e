import { backend_util, type TensorInfo } from '@tensorflow/tfjs-core';
import type { WasmBackendInternals } from './heap-kernels.js';

// What tfjs passes the wasm Conv2D kernel and its two gradients, and the geometry it implies.

/** The attributes the three kernels share (tfjs' Conv2DAttrs and the backprops' own). */
export interface ConvAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  /** Conv2D only (the backprop kernels take no dilations: tfjs' gradients refuse them). */
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
): backend_util.Conv2DInfo {
  return backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    dilations,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    backend_util.convertConv2DDataFormat(attrs.dataFormat ?? 'NHWC'),
  );
}

/** Whether our kernels take this convolution: float32 tensors, NHWC. */
export function takesConv(info: backend_util.Conv2DInfo, ...tensors: TensorInfo[]): boolean {
  return info.dataFormat === 'channelsLast' && tensors.every((t) => t.dtype === 'float32');
}
