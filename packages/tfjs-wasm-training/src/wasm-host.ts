// What the wasm setup needs from Node: the binaries inside the installed tfjs-backend-wasm, the
// thread shim (wasm-threads.ts) and the check that the installed bundle fits it, the core count,
// and worker threads for our heap kernels. package.json's `browser` field swaps this file for
// wasm-host.browser.ts in browser bundles, so no `node:` import is reachable from there.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MAX_WASM_THREADS, type WasmBinaryName } from './options.js';
import { threadedGlueProblems, versionProblem } from './threaded-glue.js';
import { prepareWasmThreads } from './wasm-threads.js';

export { prepareWasmThreads };

/** Whether our heap kernels may run helper threads (they block in Atomics.wait, which Node allows). */
export const HEAP_KERNEL_HELPERS: boolean = true;

const require = createRequire(import.meta.url);

/** The .wasm binaries inside the installed tfjs-backend-wasm, so they are never fetched over a network. */
export function defaultWasmPaths(): Record<WasmBinaryName, string> {
  const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  const names: WasmBinaryName[] = [
    'tfjs-backend-wasm.wasm',
    'tfjs-backend-wasm-simd.wasm',
    'tfjs-backend-wasm-threaded-simd.wasm',
  ];
  return Object.fromEntries(names.map((name) => [name, join(dist, name)])) as Record<WasmBinaryName, string>;
}

/**
 * After a failed start: which binaries of `paths` (files, or file: URLs) do not exist, or null. Other
 * URLs are not checked here; a browser checks them by fetching.
 */
export async function wasmFileProblem(paths: Record<WasmBinaryName, string>): Promise<string | null> {
  const missing = Object.values(paths).filter((path) => {
    if (/^[a-z][a-z+.-]*:/i.test(path) && !path.startsWith('file:')) return false;
    return !existsSync(path.startsWith('file:') ? fileURLToPath(path) : path);
  });
  return missing.length === 0 ? null : `no such file ${missing.join(', ')}`;
}

let shimProblem: string | null | undefined;

/**
 * Why the thread shim cannot run the installed tfjs-backend-wasm, or null: it must be the version the
 * shim was written for, and its Node bundle (the file Node loads) must expect what the shim defines.
 */
function threadShimProblem(): string | null {
  if (shimProblem !== undefined) return shimProblem;
  const bundle = require.resolve('@tensorflow/tfjs-backend-wasm');
  const { version } = require('@tensorflow/tfjs-backend-wasm/package.json') as { version: string };
  const glue = threadedGlueProblems(readFileSync(bundle, 'utf8'));
  shimProblem =
    versionProblem(version) ??
    (glue.length > 0 ? `the thread shim does not fit tfjs-backend-wasm's glue (${bundle}): ${glue.join('; ')}` : null);
  return shimProblem;
}

/** Why the wasm backend cannot run on `threads` threads here, or null when it can. */
export function unavailableWasmThreads(threads: number): string | null {
  if (threads === 1) return null;
  const problem = threadShimProblem();
  return problem == null ? null : `${problem}; use 1 thread (the single-threaded SIMD build needs no shim)`;
}

/** The most threads the wasm backend can have here: the cores, at most 8, if the thread shim fits. */
export function availableWasmThreads(): number {
  const cores = Math.min(availableParallelism(), MAX_WASM_THREADS);
  return cores > 1 && unavailableWasmThreads(cores) == null ? cores : 1;
}

/** Starts a worker thread running `source` with `workerData`; it never keeps the process alive. */
export function startHelperWorker(source: string, workerData: unknown, onError: () => void): void {
  const worker = new Worker(source, { eval: true, workerData });
  worker.on('error', onError);
  worker.unref(); // it waits for work forever
}
