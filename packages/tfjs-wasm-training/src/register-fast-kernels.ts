import { getKernel, registerKernel, unregisterKernel, type KernelConfig } from '@tensorflow/tfjs-core';
import { batchMatMulPatch } from './kernels/BatchMatMul.js';
import { castPatch } from './kernels/Cast.js';
import { conv2DPatch } from './kernels/Conv2D.js';
import { conv2DBackpropFilterKernel } from './kernels/Conv2DBackpropFilter.js';
import { conv2DBackpropInputPatch } from './kernels/Conv2DBackpropInput.js';
import { depthwiseConv2dNativeBackpropFilterKernel } from './kernels/DepthwiseConv2dNativeBackpropFilter.js';
import { depthwiseConv2dNativeBackpropInputKernel } from './kernels/DepthwiseConv2dNativeBackpropInput.js';
import { fusedMatMulPatch } from './kernels/_FusedMatMul.js';
import { greaterPatch } from './kernels/Greater.js';
import { identityPatch } from './kernels/Identity.js';
import { maxPoolGradPatch } from './kernels/MaxPoolGrad.js';
import type { AddedKernel, KernelPatch } from './kernels/kernel-patch.js';
import { selectPatch } from './kernels/Select.js';
import { sumPatch } from './kernels/Sum.js';

// Every wasm kernel we replace, one file each in kernels/, as tfjs' backends list theirs.
const FAST_KERNELS: readonly KernelPatch[] = [
  batchMatMulPatch,
  fusedMatMulPatch,
  identityPatch,
  greaterPatch,
  selectPatch,
  castPatch,
  conv2DPatch,
  conv2DBackpropInputPatch,
  maxPoolGradPatch,
  sumPatch,
];

// Kernels tfjs-backend-wasm 4.22 lacks (without them no conv or depthwise conv layer trains on wasm).
const ADDED_KERNELS: readonly AddedKernel[] = [
  conv2DBackpropFilterKernel,
  depthwiseConv2dNativeBackpropFilterKernel,
  depthwiseConv2dNativeBackpropInputKernel,
];

/** The stock kernels ours replaced, by name, while ours are installed. */
const stockConfigs = new Map<string, KernelConfig>();
/** The kernels we added (that wasm had not), while ours are installed. */
const added = new Set<string>();

/** True when our wasm kernels (matmuls, Identity, Cast, Greater, Select) are registered in place of the stock ones. */
export function fastWasmKernelsInstalled(): boolean {
  return stockConfigs.size > 0;
}

/**
 * Replace the wasm BatchMatMul and _FusedMatMul kernels by versions that transpose explicitly before
 * multiplying, Identity and same-dtype Cast by ones that share the buffer, Greater and Select by SIMD versions.
 * Idempotent. Returns false when the wasm kernels are not registered (tfjs-backend-wasm not imported yet).
 */
export function installFastWasmKernels(): boolean {
  if (fastWasmKernelsInstalled()) return true;
  const transpose = getKernel('Transpose', 'wasm');
  const stocks = FAST_KERNELS.map((k) => getKernel(k.kernelName, 'wasm'));
  if (transpose == null || stocks.some((k) => k == null)) return false;
  FAST_KERNELS.forEach((fast, i) => {
    const stock = stocks[i] as KernelConfig;
    stockConfigs.set(stock.kernelName, stock);
    unregisterKernel(stock.kernelName, 'wasm');
    registerKernel({ ...stock, kernelFunc: fast.patch(stock.kernelFunc, transpose.kernelFunc) });
  });
  for (const { kernelName, kernelFunc } of ADDED_KERNELS) {
    if (getKernel(kernelName, 'wasm') != null) continue;
    registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
    added.add(kernelName);
  }
  return true;
}

/** Put the stock tfjs-backend-wasm kernels back (to compare against them); the fused Adam kernel stays. */
export function uninstallFastWasmKernels(): void {
  for (const [name, stock] of stockConfigs) {
    unregisterKernel(name, 'wasm');
    registerKernel(stock);
  }
  stockConfigs.clear();
  for (const name of added) unregisterKernel(name, 'wasm');
  added.clear();
}
