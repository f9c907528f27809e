import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { installFastWasmMatMul, isFastWasmMatMulInstalled } from './fast-matmul.js';
import { setHeapKernelThreads } from './heap-kernels.js';
import { MAX_WASM_THREADS, prepareWasmThreads } from './wasm-threads.js';

export type BackendName = 'auto' | 'tensorflow' | 'wasm' | 'cpu';

export interface BackendInfo {
  /** The tfjs backend in use: 'tensorflow', 'wasm' or 'cpu'. */
  name: string;
  /** What was asked for (after reading MANIFOLD_MIXUP_BACKEND). */
  requested: BackendName;
  /** Threads the backend computes with (wasm: XNNPACK's pool, the calling thread included). */
  threads: number;
  /** wasm only: whether the SIMD build is used. */
  simd?: boolean;
  /** wasm only: whether the explicit-transpose matmul kernels are installed. */
  fastMatMul: boolean;
  tfjsVersion: string;
  /** Why backends earlier in the 'auto' order were skipped. */
  skipped?: Array<{ name: string; reason: string }>;
}

export interface BackendOptions {
  /**
   * wasm only: threads for XNNPACK's matmuls and other heavy kernels, from 1 to 8 (default: the
   * MANIFOLD_MIXUP_THREADS environment variable, else the available cores, at most 8). Fixed by
   * the first initialisation of the wasm backend in a process. Results do not depend on it.
   */
  threads?: number;
}

const NAMES: readonly BackendName[] = ['auto', 'tensorflow', 'wasm', 'cpu'];
const ENV_VAR = 'MANIFOLD_MIXUP_BACKEND';
const THREADS_VAR = 'MANIFOLD_MIXUP_THREADS';

function requestedBackend(name: BackendName | undefined): BackendName {
  const fromEnv = process.env[ENV_VAR];
  const chosen = name ?? (fromEnv != null && fromEnv !== '' ? fromEnv : 'auto');
  if (!NAMES.includes(chosen as BackendName)) {
    const where = name != null ? 'initBackend(name)' : `environment variable ${ENV_VAR}`;
    throw new Error(`${where}: expected one of ${NAMES.join(', ')}, found ${JSON.stringify(chosen)}`);
  }
  return chosen as BackendName;
}

/** Make `name` the active backend and wait for its initialisation. */
async function activate(name: Exclude<BackendName, 'auto'>): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') returned false`);
  await tf.ready();
}

async function loadTensorflow(): Promise<void> {
  // Optional dependency: absent or unbuildable (no libtensorflow) means "not available".
  const moduleName = '@tensorflow/tfjs-node';
  await import(moduleName);
  if (tf.findBackend('tensorflow') == null) throw new Error('@tensorflow/tfjs-node did not register a backend');
  await activate('tensorflow');
}

/** The thread count asked for (option, else environment variable), or null for the default. */
function requestedThreads(threads: number | undefined): number | null {
  const fromEnv = process.env[THREADS_VAR];
  if (threads == null && (fromEnv == null || fromEnv === '')) return null;
  const value = threads ?? Number(fromEnv);
  if (!Number.isInteger(value) || value < 1 || value > MAX_WASM_THREADS) {
    const where = threads != null ? 'initBackend options.threads' : `environment variable ${THREADS_VAR}`;
    throw new Error(
      `${where}: expected an integer from 1 to ${MAX_WASM_THREADS}, found ${JSON.stringify(threads ?? fromEnv)}`,
    );
  }
  return value;
}

/** The wasm backend's thread count, or null before its first initialisation (when it throws). */
function initialisedThreads(getThreadsCount: () => number): number | null {
  try {
    return getThreadsCount();
  } catch {
    return null;
  }
}

async function loadWasm(threads: number | null): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const actual = initialisedThreads(wasm.getThreadsCount);
  if (actual != null) {
    // Initialised earlier in this process: its thread pool cannot change any more.
    if (threads != null && threads !== actual) {
      throw new Error(
        `the wasm backend already runs on ${actual} thread(s) in this process; ${threads} must be asked for before its first initialisation`,
      );
    }
    installFastWasmMatMul();
    await activate('wasm');
    return;
  }
  // Load the .wasm binaries from the installed package, never over the network.
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  wasm.setWasmPaths({
    'tfjs-backend-wasm.wasm': join(dist, 'tfjs-backend-wasm.wasm'),
    'tfjs-backend-wasm-simd.wasm': join(dist, 'tfjs-backend-wasm-simd.wasm'),
    'tfjs-backend-wasm-threaded-simd.wasm': join(dist, 'tfjs-backend-wasm-threaded-simd.wasm'),
  });
  installFastWasmMatMul();
  const restore = prepareWasmThreads(
    threads ?? Math.min(availableParallelism(), MAX_WASM_THREADS),
    wasm.setThreadsCount,
  );
  try {
    // Inside the window prepareWasmThreads opens: the first initialisation is what reads the thread setup.
    await activate('wasm');
  } finally {
    restore();
  }
  setHeapKernelThreads(wasm.getThreadsCount());
}

async function loadCpu(): Promise<void> {
  await import('@tensorflow/tfjs-backend-cpu');
  await activate('cpu');
}

const LOADERS: Record<Exclude<BackendName, 'auto'>, (threads: number | null) => Promise<void>> = {
  tensorflow: loadTensorflow,
  wasm: loadWasm,
  cpu: loadCpu,
};

async function threadsOf(name: string): Promise<number> {
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    return wasm.getThreadsCount();
  }
  if (name === 'tensorflow') return availableParallelism();
  return 1;
}

/**
 * Select and initialise the tfjs backend. 'auto' tries tfjs-node, then wasm, then cpu.
 * The default comes from the MANIFOLD_MIXUP_BACKEND environment variable, else 'auto'.
 */
export async function initBackend(name?: BackendName, options: BackendOptions = {}): Promise<BackendInfo> {
  const requested = requestedBackend(name);
  const threads = requestedThreads(options.threads);
  // tfjs-layers' Node bundle is what registers the gradients of every core op.
  await import('@tensorflow/tfjs-layers');
  const order: Array<Exclude<BackendName, 'auto'>> = requested === 'auto' ? ['tensorflow', 'wasm', 'cpu'] : [requested];
  const skipped: Array<{ name: string; reason: string }> = [];
  for (const candidate of order) {
    try {
      // Each loader activates its backend itself: wasm must do so while its thread setup is in place.
      await LOADERS[candidate](threads);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      skipped.push({ name: candidate, reason });
      continue;
    }
    const info: BackendInfo = {
      name: tf.getBackend(),
      requested,
      threads: await threadsOf(candidate),
      fastMatMul: candidate === 'wasm' ? isFastWasmMatMulInstalled() : candidate === 'tensorflow',
      tfjsVersion: tf.version_core,
    };
    if (candidate === 'wasm') info.simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) as boolean;
    if (skipped.length > 0) info.skipped = skipped;
    return info;
  }
  throw new Error(
    `initBackend('${requested}'): no backend could be initialised: ` +
      skipped.map((s) => `${s.name} (${s.reason})`).join('; '),
  );
}
