export { setupFastWasm, type FastWasmInfo, type FastWasmOptions } from './setup.js';
export { installFastWasmKernels, uninstallFastWasmKernels, fastWasmKernelsInstalled } from './fast-matmul.js';
export { activeAccelerations, type Acceleration } from './accelerations.js';
export { fusedAdamAvailable, fusedAdamUpdate, type FusedAdamScalars } from './fused-adam.js';
export { availableWasmThreads, unavailableWasmThreads } from './threads.js';
export { MAX_WASM_THREADS, checkThreads, checkWasmPaths, type WasmBinaryName, type WasmPaths } from './options.js';
export { FusedAdamOptimizer, fusedAdam, type FusedAdamConfig } from './fused-adam-optimizer.js';
export { countNonFinite } from './count-non-finite.js';
export { setSimdGemm, simdGemmEnabled } from './heap-gemm.js';
