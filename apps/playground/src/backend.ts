import { initBackend } from '@manifold-mixup/mixup-core';
// The wasm backend's binaries, bundled and served with the site by Vite (no CDN): the page works offline.
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendReport } from './protocol.js';

/**
 * wasm on one thread (more would need a cross-origin-isolated page, which GitHub Pages cannot serve; and one
 * thread is plenty for these small networks), cpu if wasm does not load.
 */
export async function startBackend(): Promise<BackendReport> {
  const wasmPaths = {
    'tfjs-backend-wasm.wasm': new URL(plainWasm, self.location.href).href,
    'tfjs-backend-wasm-simd.wasm': new URL(simdWasm, self.location.href).href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL(threadedSimdWasm, self.location.href).href,
  };
  try {
    const info = await initBackend('wasm', { threads: 1, wasmPaths });
    return { name: info.name, threads: info.threads, accelerations: info.accelerations };
  } catch (error) {
    const info = await initBackend('cpu');
    const fallback = error instanceof Error ? error.message : String(error);
    return { name: info.name, threads: info.threads, accelerations: info.accelerations, fallback };
  }
}
