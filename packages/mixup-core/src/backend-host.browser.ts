// backend-host.ts for browsers (package.json's `browser` field puts it in its place in bundles): no
// process, no tfjs-node, no file paths. tfjs-backend-wasm runs its threaded build natively where the
// page is cross-origin isolated; our heap kernels stay on the calling thread, whose Atomics.wait
// browsers forbid on the main thread.
import * as tf from '@tensorflow/tfjs-core';
import type * as NodeHost from './backend-host.js';
import { MAX_WASM_THREADS } from './wasm-thread-limit.js';

interface BrowserGlobals {
  crossOriginIsolated?: boolean;
  navigator?: { hardwareConcurrency?: number };
}
const browser = globalThis as unknown as BrowserGlobals;

export const AUTO_ORDER: typeof NodeHost.AUTO_ORDER = ['wasm', 'cpu'];

export const HEAP_KERNEL_HELPERS: typeof NodeHost.HEAP_KERNEL_HELPERS = false;

export function environmentVariable(_name: string): string | undefined {
  return undefined;
}

/** Threads need a cross-origin-isolated page (shared memory); otherwise 1. */
export function defaultWasmThreads(): number {
  if (browser.crossOriginIsolated !== true) return 1;
  return Math.max(1, Math.min(browser.navigator?.hardwareConcurrency ?? 1, MAX_WASM_THREADS));
}

export function tensorflowThreads(): number {
  return 1;
}

/** None: tfjs-backend-wasm then loads its binaries relative to the page, unless BackendOptions.wasmPaths says. */
export function defaultWasmPaths(): null {
  return null;
}

export const unavailableWasmThreads: typeof NodeHost.unavailableWasmThreads = (threads) =>
  threads > 1 && browser.crossOriginIsolated !== true
    ? `${threads} threads need a cross-origin-isolated page (served with Cross-Origin-Opener-Policy: same-origin ` +
      'and Cross-Origin-Embedder-Policy: require-corp); this one is not, use 1'
    : null;

export const prepareWasmThreads: typeof NodeHost.prepareWasmThreads = (threads, setThreadsCount) => {
  setThreadsCount(threads);
  // 1 thread: the single-threaded SIMD build, as in Node; more: tfjs' own detection picks the threaded one.
  if (threads === 1) {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    return () => {};
  }
  // tfjs caps XNNPACK's pool at half the logical cores Emscripten reports (it assumes two hyperthreads
  // per core), read from navigator.hardwareConcurrency while the backend initialises: report twice the
  // threads asked for until then, as wasm-threads.ts does with os.cpus in Node.
  const navigator = browser.navigator;
  if (navigator == null) return () => {};
  const own = Object.getOwnPropertyDescriptor(navigator, 'hardwareConcurrency');
  Object.defineProperty(navigator, 'hardwareConcurrency', { configurable: true, get: () => 2 * threads });
  return () => {
    if (own != null) Object.defineProperty(navigator, 'hardwareConcurrency', own);
    else delete navigator.hardwareConcurrency;
  };
};

export async function loadTfjsNode(): Promise<void> {
  throw new Error('Node only (@tensorflow/tfjs-node binds libtensorflow); browsers use wasm or cpu');
}

export const startHelperWorker: typeof NodeHost.startHelperWorker = () => {
  throw new Error('heap kernel helper threads run in Node only (the browser main thread cannot Atomics.wait)');
};
