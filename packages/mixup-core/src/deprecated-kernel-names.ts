import {
  fastWasmKernelsInstalled,
  installFastWasmKernels,
  uninstallFastWasmKernels,
} from '@manifold-mixup/tfjs-wasm-training';

// The names this package gave the wasm kernels before they moved to @manifold-mixup/tfjs-wasm-training
// (which patches six kernels, not only the matmuls). Kept for existing callers.

/** @deprecated Use `installFastWasmKernels` of `@manifold-mixup/tfjs-wasm-training` (`initBackend` calls it). */
export const installFastWasmMatMul: typeof installFastWasmKernels = installFastWasmKernels;

/** @deprecated Use `uninstallFastWasmKernels` of `@manifold-mixup/tfjs-wasm-training`. */
export const uninstallFastWasmMatMul: typeof uninstallFastWasmKernels = uninstallFastWasmKernels;

/** @deprecated Use `fastWasmKernelsInstalled` of `@manifold-mixup/tfjs-wasm-training`, or `BackendInfo.fastMatMul`. */
export const isFastWasmMatMulInstalled: typeof fastWasmKernelsInstalled = fastWasmKernelsInstalled;
