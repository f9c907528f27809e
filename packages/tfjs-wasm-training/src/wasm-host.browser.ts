// wasm-host.ts for browsers (package.json's `browser` field puts it in its place in bundles): no
// file paths, no shim. tfjs-backend-wasm runs its threaded build natively where the page is
// cross-origin isolated; our heap kernels stay on the calling thread, whose Atomics.wait browsers
// forbid on the main thread.
import * as tf from '@tensorflow/tfjs-core';
import type * as NodeHost from './wasm-host.js';
import { MAX_WASM_THREADS } from './options.js';

interface BrowserGlobals {
  crossOriginIsolated?: boolean;
  navigator?: { hardwareConcurrency?: number };
}
const browser = globalThis as unknown as BrowserGlobals;

export const HEAP_KERNEL_HELPERS: typeof NodeHost.HEAP_KERNEL_HELPERS = false;

/**
 * The binaries beside this module (the build copies them into dist/): literal `new URL(…,
 * import.meta.url)`s, which Vite and webpack turn into files of the page's build and their URLs, with no
 * wasmPaths from the user; esbuild keeps them relative to its bundle, where the files are to be copied.
 */
export const defaultWasmPaths: typeof NodeHost.defaultWasmPaths = () => ({
  'tfjs-backend-wasm.wasm': new URL('./tfjs-backend-wasm.wasm', import.meta.url).href,
  'tfjs-backend-wasm-simd.wasm': new URL('./tfjs-backend-wasm-simd.wasm', import.meta.url).href,
  'tfjs-backend-wasm-threaded-simd.wasm': new URL('./tfjs-backend-wasm-threaded-simd.wasm', import.meta.url).href,
});

/**
 * After a failed start: which binaries of `paths` the page cannot fetch, with the status, or null when
 * it can fetch them all (the failure was something else). tfjs itself only says that it failed.
 */
export const wasmFileProblem: typeof NodeHost.wasmFileProblem = async (paths) => {
  const failures: string[] = [];
  for (const url of Object.values(paths)) {
    try {
      const response = await fetch(url, { method: 'HEAD' });
      if (!response.ok) failures.push(`${url} (${response.status} ${response.statusText})`.replace(/ \)$/, ')'));
    } catch (error) {
      failures.push(`${url} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return failures.length === 0 ? null : `cannot fetch ${failures.join(', ')}`;
};

export const unavailableWasmThreads: typeof NodeHost.unavailableWasmThreads = (threads) =>
  threads > 1 && browser.crossOriginIsolated !== true
    ? `${threads} threads need a cross-origin-isolated page (served with Cross-Origin-Opener-Policy: same-origin ` +
      'and Cross-Origin-Embedder-Policy: require-corp); this one is not, use 1'
    : null;

/** Threads need a cross-origin-isolated page (shared memory); otherwise 1. */
export function availableWasmThreads(): number {
  if (browser.crossOriginIsolated !== true) return 1;
  return Math.max(1, Math.min(browser.navigator?.hardwareConcurrency ?? 1, MAX_WASM_THREADS));
}

const NEVER: Promise<never> = new Promise<never>(() => {});

export const prepareWasmThreads: typeof NodeHost.prepareWasmThreads = (threads, setThreadsCount) => {
  setThreadsCount(threads);
  // 1 thread: the single-threaded SIMD build, as in Node; more: tfjs' own detection picks the threaded one.
  if (threads === 1) {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    return { failed: NEVER, restore: () => {} };
  }
  // tfjs caps XNNPACK's pool at half the logical cores Emscripten reports (it assumes two hyperthreads
  // per core), read from navigator.hardwareConcurrency while the backend initialises: report twice the
  // threads asked for until then, as wasm-threads.ts does with os.cpus in Node.
  const navigator = browser.navigator;
  if (navigator == null) return { failed: NEVER, restore: () => {} };
  const own = Object.getOwnPropertyDescriptor(navigator, 'hardwareConcurrency');
  Object.defineProperty(navigator, 'hardwareConcurrency', { configurable: true, get: () => 2 * threads });
  const restore = (): void => {
    if (own != null) Object.defineProperty(navigator, 'hardwareConcurrency', own);
    else delete navigator.hardwareConcurrency;
  };
  return { failed: NEVER, restore };
};

export const startHelperWorker: typeof NodeHost.startHelperWorker = () => {
  throw new Error('heap kernel helper threads run in Node only (the browser main thread cannot Atomics.wait)');
};
