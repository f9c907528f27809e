import { resolveObjectURL } from 'node:buffer';
import os from 'node:os';
import { Worker as NodeWorker, type TransferListItem } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';

// tfjs-backend-wasm ships a multithreaded build (XNNPACK on a pthread pool) but turns it off in
// Node (tensorflow/tfjs#3830): its Emscripten glue hands the pthread workers `blob:` URLs, which
// worker_threads cannot start, and the code in those blobs expects the bundle's own scope. The
// shim below starts each worker from a small boot script, sends it the blobs' text, and defines
// what that text expects. Everything it patches is restored when the backend has initialised.

/** Runs inside each pthread worker before tfjs' worker code: a scope like the bundle's. */
const BOOT = `
const { parentPort } = require('node:worker_threads');
Object.assign(globalThis, {
  require,
  require$$0: require('node:fs'), require$$1: require('node:path'),
  require$$3: require('node:perf_hooks'), require$$4: require('node:os'),
  commonjsGlobal: globalThis,
  __values(o) { return o[Symbol.iterator].call(o); },
  __read(o, n) { const r = []; for (const v of o) { if (n !== undefined && r.length >= n) break; r.push(v); } return r; },
  __spreadArray(to, from) { return to.concat(Array.prototype.slice.call(from)); },
});
const explain = (error) => new Error(
  'a tfjs-backend-wasm thread failed (' + (error && error.message || error) + '); ' +
  'initBackend(name, { threads: 1 }) or MANIFOLD_MIXUP_THREADS=1 runs without threads', { cause: error });
parentPort.on('message', (m) => {
  if (m == null || m.boot == null) return;
  try {
    (0, eval)(m.source);
  } catch (error) {
    throw explain(error);
  }
  // The factory is now a global: tfjs' worker code then has no script left to import.
  if (m.boot === 'factory') globalThis.importScripts = () => {};
  // tfjs' worker code handles every later message in onmessage: say what to do if it throws.
  if (m.boot === 'worker') {
    const handle = globalThis.onmessage;
    globalThis.onmessage = (e) => {
      try {
        handle(e);
      } catch (error) {
        throw explain(error);
      }
    };
  }
});
`;

/**
 * A worker_threads Worker that Emscripten can create from a `blob:` URL. Messages wait behind the
 * (asynchronous) reads of the blobs until the worker is booted, then go straight through: the main
 * thread later blocks in Atomics.wait for the workers, so nothing may depend on the event loop.
 */
export class PthreadWorker extends NodeWorker {
  #queue: Promise<void>;
  #waiting = 1;
  #loaded = false;

  constructor(url: string | URL) {
    super(BOOT, { eval: true });
    this.on('message', (m: { cmd?: string } | null) => {
      if (m?.cmd === 'loaded') this.#loaded = true;
    });
    const blob = resolveObjectURL(String(url));
    if (blob == null) throw new Error(`wasm threads: no blob behind the worker URL ${String(url)}`);
    this.#queue = blob.text().then((source) => {
      super.postMessage({ boot: 'worker', source });
      this.#waiting--;
    });
  }

  /**
   * Emscripten refs a worker while it runs a pthread; XNNPACK's pool threads run until the process
   * ends, so a loaded worker must never keep the process alive.
   */
  override ref(): void {
    if (!this.#loaded) super.ref();
  }

  override postMessage(message: unknown, transfer?: readonly TransferListItem[]): void {
    const load = message as { cmd?: string; urlOrBlob?: unknown } | null;
    const factory = load?.cmd === 'load' && load.urlOrBlob instanceof Blob ? load.urlOrBlob : null;
    if (this.#waiting === 0 && factory == null) {
      super.postMessage(message, transfer);
      return;
    }
    this.#waiting++;
    this.#queue = this.#queue.then(async () => {
      if (factory != null) {
        super.postMessage({ boot: 'factory', source: await factory.text() });
        message = { ...load, urlOrBlob: '' };
      }
      super.postMessage(message, transfer);
      this.#waiting--;
    });
  }
}

/**
 * Prepares the next initialisation of tfjs-backend-wasm to run XNNPACK on `threads` threads, an
 * integer from 1 to MAX_WASM_THREADS that initBackend has checked (1: the single-threaded SIMD
 * build, no workers). Call before tf.setBackend('wasm'); call the returned function once the
 * backend is ready (or failed) to undo the temporary patches.
 */
export function prepareWasmThreads(threads: number, setThreadsCount: (n: number) => void): () => void {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threads > 1);
  setThreadsCount(threads);
  if (threads === 1) return () => {};

  // The backend caps its pool at half the logical cores Emscripten reports (it assumes two
  // hyperthreads per core), read from os.cpus() (the same object as this default import) while
  // the module starts.
  const cpus = os.cpus;
  os.cpus = () => Array.from({ length: 2 * threads }, () => cpus()[0]);
  // The glue assigns worker_threads' Worker to globalThis.Worker; ours must win.
  const previous = Object.getOwnPropertyDescriptor(globalThis, 'Worker');
  Object.defineProperty(globalThis, 'Worker', { configurable: true, get: () => PthreadWorker, set: () => {} });
  return () => {
    os.cpus = cpus;
    if (previous != null) Object.defineProperty(globalThis, 'Worker', previous);
    else delete (globalThis as { Worker?: unknown }).Worker;
  };
}
