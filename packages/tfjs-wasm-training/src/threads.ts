// The public face of the hosts' thread answers (wasm-host.ts, or its browser twin in bundles). Kept
// apart so that the published declarations never reach wasm-host's, which name Node's worker types.
import * as host from './wasm-host.js';

/**
 * The most threads setupFastWasm can start here: in Node the cores (at most 8) when the installed
 * tfjs-backend-wasm fits the thread shim, else 1; in a browser the cores (at most 8) on a
 * cross-origin-isolated page, else 1.
 */
export function availableWasmThreads(): number {
  return host.availableWasmThreads();
}

/** Why the wasm backend cannot run on `threads` threads here, or null when it can. */
export function unavailableWasmThreads(threads: number): string | null {
  return host.unavailableWasmThreads(threads);
}
