import * as tf from '@tensorflow/tfjs-core';
import { fastWasmKernelsInstalled } from './register-fast-kernels.js';
import { fusedAdamUsable } from './fused-adam.js';
import { simdGemmTakes } from './heap-gemm.js';
import { heapKernelHelpersActive, heapKernelsUsable, xnnpackThreads } from './heap-kernels.js';

/**
 * Our speed-ups of tfjs-backend-wasm. Each can fall back silently (missing kernels, no SIMD, a
 * single-threaded build), so activeAccelerations lists the ones really in effect:
 * - 'fast-matmul': the explicit-transpose matmul, shared Identity and SIMD Greater/Select kernels
 *   are registered (installFastWasmKernels);
 * - 'heap-kernels': our WebAssembly SIMD kernels can run on tfjs' heap (transposes, Adam, ...);
 * - 'simd-gemm': float32 matrix products of dense-layer shapes (rows a multiple of 4, columns of 8)
 *   run on our GEMM, one of the heap kernels, instead of XNNPACK (setSimdGemm turns it off); not
 *   where XNNPACK has threads and our kernels have none (a browser page): one thread of ours is
 *   slower than two of XNNPACK's;
 * - 'fused-adam': fusedAdamUpdate updates a variable in one heap-kernel pass;
 * - 'threads': XNNPACK runs on a pool of more than one thread (the threaded build);
 * - 'heap-kernel-threads': our heap kernels split large calls across helper threads too (Node only).
 */
export type Acceleration =
  'fast-matmul' | 'heap-kernels' | 'simd-gemm' | 'fused-adam' | 'threads' | 'heap-kernel-threads';

/** The accelerations in effect on `backend` (registered as `name`) computing on `threads` threads. */
export function accelerationsOf(name: string, backend: unknown, threads: number): Acceleration[] {
  if (name !== 'wasm') return [];
  const active: Acceleration[] = [];
  const fastKernels = fastWasmKernelsInstalled();
  if (fastKernels) active.push('fast-matmul');
  const heap = heapKernelsUsable(backend);
  if (heap) active.push('heap-kernels');
  if (heap && fastKernels && simdGemmTakes(backend, threads)) active.push('simd-gemm');
  if (fusedAdamUsable(name, backend)) active.push('fused-adam');
  if (threads > 1) active.push('threads');
  if (heapKernelHelpersActive(backend)) active.push('heap-kernel-threads');
  return active;
}

/**
 * The accelerations in effect on tfjs' active backend, checked where each acts (none when that is not
 * wasm). Checking binds nothing to tfjs' memory.
 */
export function activeAccelerations(): Acceleration[] {
  const backend = tf.backend();
  return accelerationsOf(tf.getBackend(), backend, xnnpackThreads(backend));
}
