import { util, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import { heapKernels, offsetOf, type WasmBackendInternals } from '../heap-kernels.js';
import type { KernelPatch } from './kernel-patch.js';

// A bias gradient sums dy over every axis but the last (tfjs' Add gradient): wasm's Sum first transposes
// the reduced axes innermost, ~8 ns per element, 10% of a convnet's step. Summing over leading axes is
// a column sum of a row-major matrix: one SIMD pass, each column summed in row order from 0, the order
// of wasm's own loop after its transpose, so the results are the same bits. Other sums go to the stock kernel.

interface SumArgs {
  inputs: { x: TensorInfo };
  backend: WasmBackendInternals;
  attrs: { axis: number | number[]; keepDims: boolean };
}

/**
 * How many leading axes `axis` names, in order (0, 1, ..., k - 1: wasm's Sum sums in the order the
 * axes are named), or 0 when it names others.
 */
function leadingAxes(axis: number | number[], shape: number[]): number {
  const axes = util.parseAxisParam(axis, shape);
  return axes.every((a, i) => a === i) ? axes.length : 0;
}

function fastSum(stock: KernelFunc): KernelFunc {
  return (args) => {
    const { inputs, backend, attrs } = args as unknown as SumArgs;
    const { x } = inputs;
    const kernels = heapKernels(backend);
    const k = x.dtype === 'float32' ? leadingAxes(attrs.axis, x.shape) : 0;
    if (kernels == null || k === 0 || k === x.shape.length || util.sizeFromShape(x.shape) === 0) return stock(args);
    const kept = x.shape.slice(k);
    const out = backend.makeOutput(attrs.keepDims ? [...x.shape.slice(0, k).map(() => 1), ...kept] : kept, 'float32');
    const n = util.sizeFromShape(kept);
    kernels.sumRows(offsetOf(backend, x), util.sizeFromShape(x.shape) / n, n, offsetOf(backend, out));
    return out;
  };
}

export const sumPatch: KernelPatch = { kernelName: 'Sum', patch: fastSum };
