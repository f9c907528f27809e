// The binaries of the wasm backend, copied next to the bundle by esbuild's file loader (no CDN).
import type { WasmBinaryName } from '@manifold-mixup/mixup-core';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm';

/** initBackend's `wasmPaths` for the binaries beside this page's bundle. */
export function wasmPaths(): Record<WasmBinaryName, string> {
  return {
    'tfjs-backend-wasm.wasm': new URL(plainWasm, location.href).href,
    'tfjs-backend-wasm-simd.wasm': new URL(simdWasm, location.href).href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL(threadedSimdWasm, location.href).href,
  };
}
