export { initBackend, type BackendInfo, type BackendName } from './backend.js';
export { installFastWasmMatMul, uninstallFastWasmMatMul, isFastWasmMatMulInstalled } from './fast-matmul.js';
