import * as tf from '@tensorflow/tfjs-core';
import { activeAccelerations, type Acceleration } from './accelerations.js';
import { activateBackend } from './activate-backend.js';
import { installFastWasmKernels } from './register-fast-kernels.js';
import { setHeapKernelThreads } from './heap-kernels.js';
import { binaryPaths, checkThreads, checkWasmPaths, type WasmPaths } from './options.js';
import {
  HEAP_KERNEL_HELPERS,
  availableWasmThreads,
  defaultWasmPaths,
  prepareWasmThreads,
  unavailableWasmThreads,
  wasmFileProblem,
} from './wasm-host.js';

export interface FastWasmOptions {
  /**
   * Threads for XNNPACK's matmuls and other heavy kernels (and, in Node, our heap kernels): an integer
   * from 1 to 8, or 'available' for availableWasmThreads(). Default 1. Fixed by the first
   * initialisation of the wasm backend in a process or page; later calls must ask for the same or
   * nothing. Results do not depend on it.
   */
  threads?: number | 'available';
  /**
   * Where the .wasm binaries are, as tfjs-backend-wasm's setWasmPaths takes them: a folder prefix
   * ending in '/', or a URL or path for each of the three binaries (e.g. the URLs a bundler gives for
   * them). Default: in Node the files of the installed package; in a browser the page's folder. Used
   * by the first initialisation; later calls must ask for the same or nothing.
   */
  wasmPaths?: WasmPaths;
}

export interface FastWasmInfo {
  /** Threads XNNPACK computes with, the calling thread included. */
  threads: number;
  /** Whether the SIMD build runs (our heap kernels need it). */
  simd: boolean;
  /** What of ours is really in effect (activeAccelerations()). */
  accelerations: Acceleration[];
}

/** The binaries of the first initialisation through setupFastWasm (null: the default place). */
let wasmPathsInUse: string | null = null;
/** Why the threaded build failed to start in this process: the backend's initialisation never ends. */
let failedStart: Error | null = null;

/** The wasm backend's thread count, or null before its first initialisation (when it throws). */
function initialisedThreads(getThreadsCount: () => number): number | null {
  try {
    return getThreadsCount();
  } catch {
    return null;
  }
}

/**
 * Makes tfjs-backend-wasm the active backend with our kernels installed (installFastWasmKernels),
 * initialising it on `options.threads` threads the first time; resolves once it is ready to train.
 * In Node, more than 1 thread starts tfjs' threaded build through our shim (tfjs leaves it off
 * there), which only tfjs-backend-wasm 4.22.0 is known to fit: anything else is refused, saying why.
 */
export async function setupFastWasm(options: FastWasmOptions = {}): Promise<FastWasmInfo> {
  const asked =
    options.threads == null || options.threads === 'available' ? null : checkThreads(options.threads, 'setupFastWasm');
  const paths = options.wasmPaths == null ? null : checkWasmPaths(options.wasmPaths, 'setupFastWasm');
  const pathsKey = paths == null ? null : JSON.stringify(paths);
  if (failedStart != null) {
    throw new Error(`the wasm backend cannot start in this process any more: ${failedStart.message}`, {
      cause: failedStart,
    });
  }
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const actual = initialisedThreads(wasm.getThreadsCount);
  if (actual != null) {
    // Initialised earlier in this process: its thread pool and binaries cannot change any more.
    if (asked != null && asked !== actual) {
      throw new Error(
        `the wasm backend already runs on ${actual} thread(s) in this process; ${asked} must be asked for before its first initialisation`,
      );
    }
    if (pathsKey != null && pathsKey !== wasmPathsInUse) {
      throw new Error(
        `the wasm backend already loaded its binaries from ${wasmPathsInUse ?? 'its default place'}; options.wasmPaths ${pathsKey} must be given at its first initialisation`,
      );
    }
    installFastWasmKernels();
    await activateBackend('wasm');
    return info();
  }
  const threads = asked ?? (options.threads === 'available' ? availableWasmThreads() : 1);
  const problem = unavailableWasmThreads(threads);
  if (problem != null) throw new Error(`setupFastWasm options.threads: ${problem}`);
  // Never over a network by default: Node reads the installed package, a browser the files its build
  // emitted beside our module (wasm-host.browser.ts).
  const where = paths ?? defaultWasmPaths();
  wasm.setWasmPaths(where);
  wasmPathsInUse = pathsKey;
  installFastWasmKernels();
  const startup = prepareWasmThreads(threads, wasm.setThreadsCount);
  // A failed start leaves tfjs waiting for the workers forever: later calls must not wait with it.
  const failed = startup.failed.catch((error: Error) => {
    failedStart = error;
    throw error;
  });
  // Inside the window prepareWasmThreads opens: the first initialisation is what reads the thread setup.
  const activation = activateBackend('wasm');
  // Both are handled by the race; whichever settles after it has nothing left to tell.
  for (const promise of [activation, failed]) promise.catch(() => {});
  try {
    await Promise.race([activation, failed]);
  } catch (error) {
    // tfjs only says that the backend failed to start: a binary that cannot be had is worth naming.
    const problem = await wasmFileProblem(binaryPaths(where));
    if (problem != null) throw new Error(`the wasm binaries: ${problem}`, { cause: error });
    throw error;
  } finally {
    startup.restore();
  }
  setHeapKernelThreads(HEAP_KERNEL_HELPERS ? wasm.getThreadsCount() : 1);
  return info();
}

async function info(): Promise<FastWasmInfo> {
  return {
    threads: (await import('@tensorflow/tfjs-backend-wasm')).getThreadsCount(),
    simd: (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) as boolean,
    accelerations: activeAccelerations(),
  };
}
