import { isFastWasmMatMulInstalled } from './fast-matmul.js';
import { fusedAdamUsable } from './fused-adam.js';
import { heapKernelHelpersActive, heapKernelsUsable } from './heap-kernels.js';

/**
 * Our speed-ups of tfjs-backend-wasm. Each can fall back silently (missing kernels, no SIMD, a
 * single-threaded build), so BackendInfo lists the ones really in effect:
 * - 'fast-matmul': the explicit-transpose matmul, shared Identity and SIMD Greater/Select kernels
 *   are registered (installFastWasmMatMul);
 * - 'heap-kernels': our WebAssembly SIMD kernels can run on tfjs' heap (transposes, Adam, ...);
 * - 'fused-adam': Adam updates each variable in one heap-kernel pass;
 * - 'threads': XNNPACK runs on a pool of more than one thread (the threaded build);
 * - 'heap-kernel-threads': our heap kernels split large calls across helper threads too (Node only).
 */
export type Acceleration = 'fast-matmul' | 'heap-kernels' | 'fused-adam' | 'threads' | 'heap-kernel-threads';

/** The accelerations in effect on `backend` (tfjs' active one, named `name`) computing on `threads`. */
export function activeAccelerations(name: string, backend: unknown, threads: number): Acceleration[] {
  if (name !== 'wasm') return [];
  const active: Acceleration[] = [];
  if (isFastWasmMatMulInstalled()) active.push('fast-matmul');
  if (heapKernelsUsable(backend)) active.push('heap-kernels');
  if (fusedAdamUsable(name, backend)) active.push('fused-adam');
  if (threads > 1) active.push('threads');
  if (heapKernelHelpersActive(backend)) active.push('heap-kernel-threads');
  return active;
}
