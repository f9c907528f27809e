export { setupFastWasm, type FastWasmInfo, type FastWasmOptions } from './setup.js';
export { activateBackend } from './activate-backend.js';
export { installFastWasmKernels, uninstallFastWasmKernels, fastWasmKernelsInstalled } from './register-fast-kernels.js';
export { activeAccelerations, type Acceleration } from './accelerations.js';
export { fusedAdamAvailable, fusedAdamUpdate, type FusedAdamScalars } from './fused-adam.js';
export {
  ADAM_DEFAULTS,
  adamMoment,
  adamRunsFused,
  adamScalars,
  applyAdamUpdate,
  type AdamConfig,
} from './adam-update.js';
export { availableWasmThreads, unavailableWasmThreads } from './threads.js';
export { MAX_WASM_THREADS, checkThreads, checkWasmPaths, type WasmBinaryName, type WasmPaths } from './options.js';
export { FusedAdamOptimizer, fusedAdam, type FusedAdamConfig } from './fused-adam-optimizer.js';
export { countNonFinite } from './count-non-finite.js';
export { setSimdGemm, simdGemmEnabled } from './heap-gemm.js';
