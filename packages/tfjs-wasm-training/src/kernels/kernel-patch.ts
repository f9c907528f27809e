import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WasmBackendInternals } from '../heap-kernels.js';

/**
 * One of our replacements for a tfjs-backend-wasm kernel. It is built around the stock kernel it
 * replaces (and falls back to for the cases it does not take) and, for the matmuls, the stock
 * Transpose; register-fast-kernels.ts installs the list of them.
 */
export interface KernelPatch {
  readonly kernelName: string;
  patch(stock: KernelFunc, stockTranspose: KernelFunc): KernelFunc;
}

/** What tfjs passes a wasm kernel, as our elementwise patches read it. */
export interface WasmKernelArgs {
  inputs: Record<string, TensorInfo>;
  backend: WasmBackendInternals;
}

/** A kernel tfjs-backend-wasm lacks, which we add (and remove again with the patches). */
export interface AddedKernel {
  readonly kernelName: string;
  readonly kernelFunc: KernelFunc;
}
