// What initBackend and the heap kernels need from Node: environment variables, the core count, the
// wasm binaries inside the installed package, the pthread shim of wasm-threads.ts, worker threads
// for our heap kernels, and tfjs-node. package.json's `browser` field swaps this file for
// backend-host.browser.ts in browser bundles, so no `node:` import is reachable from there.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import { explainTfjsNodeFailure } from './tfjs-node-failure.js';
import { MAX_WASM_THREADS } from './wasm-thread-limit.js';
import { prepareWasmThreads } from './wasm-threads.js';

export { prepareWasmThreads };

/** The backends 'auto' tries, in order. */
export const AUTO_ORDER: readonly ('tensorflow' | 'wasm' | 'cpu')[] = ['tensorflow', 'wasm', 'cpu'];

/** Whether our heap kernels may run helper threads (they block in Atomics.wait, which Node allows). */
export const HEAP_KERNEL_HELPERS: boolean = true;

export function environmentVariable(name: string): string | undefined {
  return process.env[name];
}

/** wasm threads when neither the option nor the environment variable says. */
export function defaultWasmThreads(): number {
  return Math.min(availableParallelism(), MAX_WASM_THREADS);
}

/** Why this host cannot run the wasm backend on `threads` threads, or null when it can (Node always can). */
export function unavailableWasmThreads(_threads: number): string | null {
  return null;
}

/** Threads tfjs-node computes with (libtensorflow's pools size themselves to the cores). */
export function tensorflowThreads(): number {
  return availableParallelism();
}

/** The .wasm binaries inside the installed tfjs-backend-wasm, so they are never fetched over a network. */
export function defaultWasmPaths(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  const names = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];
  return Object.fromEntries(names.map((name) => [name, join(dist, name)]));
}

/** Imports tfjs-node and checks that it registered its backend; throws a reason worth showing when not. */
export async function loadTfjsNode(): Promise<void> {
  // Optional peer, absent from most installs: a variable keeps bundlers and tsc from resolving it.
  const moduleName = '@tensorflow/tfjs-node';
  try {
    await import(moduleName);
  } catch (error) {
    throw new Error(explainTfjsNodeFailure(error), { cause: error });
  }
  if (tf.findBackend('tensorflow') == null) throw new Error('loaded, but registered no tensorflow backend');
}

/** Starts a worker thread running `source` with `workerData`; it never keeps the process alive. */
export function startHelperWorker(source: string, workerData: unknown, onError: () => void): void {
  const worker = new Worker(source, { eval: true, workerData });
  worker.on('error', onError);
  worker.unref(); // it waits for work forever
}
