import { resolveObjectURL } from 'node:buffer';
import os from 'node:os';
import { Worker as NodeWorker, type TransferListItem } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import { SHIM_HELPERS, SHIM_REQUIRES } from './threaded-glue.js';

// tfjs-backend-wasm ships a multithreaded build (XNNPACK on a pthread pool) but turns it off in
// Node (tensorflow/tfjs#3830): its Emscripten glue hands the pthread workers `blob:` URLs, which
// worker_threads cannot start, and the code in those blobs expects the bundle's own scope. The
// shim below starts each worker from a small boot script, sends it the blobs' text, and defines
// what that text expects (threaded-glue.ts checks beforehand that the installed bundle expects just
// that). Everything it patches is restored when the backend has initialised.

const DEFINITIONS = [
  ...Object.entries(SHIM_REQUIRES).map(([name, module]) => `${name}: require('node:${module}')`),
  ...Object.entries(SHIM_HELPERS).map(([name, value]) => `${name}: ${value}`),
];

/** Runs inside each pthread worker before tfjs' worker code: a scope like the bundle's (threaded-glue.ts). */
const BOOT = `
const { parentPort } = require('node:worker_threads');
Object.assign(globalThis, {
  require,
  ${DEFINITIONS.join(',\n  ')},
});
const explain = (error) => new Error(
  'a tfjs-backend-wasm thread failed (' + (error && error.message || error) + '); ' +
  'threads: 1 runs tfjs-backend-wasm without threads', { cause: error });
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

/** The start-up under way (between prepareWasmThreads and its restore), which a worker's failure fails. */
let startup: { fail(error: unknown): void; workers: Set<PthreadWorker> } | null = null;

/**
 * A worker_threads Worker that Emscripten can create from a `blob:` URL. Messages wait behind the
 * (asynchronous) reads of the blobs until the worker is booted, then go straight through: the main
 * thread later blocks in Atomics.wait for the workers, so nothing may depend on the event loop.
 */
export class PthreadWorker extends NodeWorker {
  #queue: Promise<void>;
  #waiting = 1;
  #loaded = false;
  /** The start-up this worker belongs to (null: started later, by a running backend). */
  readonly #startup = startup;

  constructor(url: string | URL) {
    super(BOOT, { eval: true });
    this.#startup?.workers.add(this);
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

  /**
   * A worker of a start-up that fails before it has loaded fails that start-up (again, harmlessly,
   * for the other workers of a failed one): Emscripten's own handler would rethrow the error as an
   * uncaught exception, and its initialisation would wait forever for the worker.
   */
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'error' && !this.#loaded && this.#startup != null) {
      this.#startup.fail(args[0]);
      return true;
    }
    return super.emit(event, ...args);
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

/** How long the threaded build may take to start its workers before it counts as hung. */
const START_TIMEOUT_MS = 60_000;

export interface ThreadStartup {
  /** Rejects, with an error saying what failed and to use 1 thread, if a worker fails before it has loaded. */
  failed: Promise<never>;
  /** Undoes the temporary patches; call once the backend is ready or has failed. */
  restore(): void;
}

const NEVER: Promise<never> = new Promise<never>(() => {});

/**
 * Prepares the next initialisation of tfjs-backend-wasm to run XNNPACK on `threads` threads, an
 * integer from 1 to MAX_WASM_THREADS (1: the single-threaded SIMD build, no workers). Call before
 * tf.setBackend('wasm'), race its initialisation against `failed`, then call `restore`.
 */
export function prepareWasmThreads(threads: number, setThreadsCount: (n: number) => void): ThreadStartup {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threads > 1);
  setThreadsCount(threads);
  if (threads === 1) return { failed: NEVER, restore: () => {} };

  let reject: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, r) => {
    reject = r;
  });
  const workers = new Set<PthreadWorker>();
  const fail = (error: unknown): void => {
    const reason = error instanceof Error ? error.message : String(error);
    reject(new Error(`tfjs-backend-wasm's threads did not start: ${reason}`, { cause: error }));
    // Nothing waits for them any more: none may keep the process alive.
    for (const worker of workers) void worker.terminate();
  };
  startup = { fail, workers };
  const timer = setTimeout(
    () => fail(`no answer from its workers within ${START_TIMEOUT_MS / 1000} s; threads: 1 runs without them`),
    START_TIMEOUT_MS,
  );
  timer.unref();

  // The backend caps its pool at half the logical cores Emscripten reports (it assumes two
  // hyperthreads per core), read from os.cpus() (the same object as this default import) while
  // the module starts.
  const cpus = os.cpus;
  os.cpus = () => Array.from({ length: 2 * threads }, () => cpus()[0]);
  // The glue assigns worker_threads' Worker to globalThis.Worker; ours must win.
  const previous = Object.getOwnPropertyDescriptor(globalThis, 'Worker');
  Object.defineProperty(globalThis, 'Worker', { configurable: true, get: () => PthreadWorker, set: () => {} });
  return {
    failed,
    restore: () => {
      clearTimeout(timer);
      startup = null;
      os.cpus = cpus;
      if (previous != null) Object.defineProperty(globalThis, 'Worker', previous);
      else delete (globalThis as { Worker?: unknown }).Worker;
    },
  };
}
