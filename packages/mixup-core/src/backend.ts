import * as tf from '@tensorflow/tfjs-core';
// tfjs-layers registers the gradients of every core op that training needs. Static, as every other
// import of it in this package: a dynamic one here made bundlers warn that it splits nothing.
import '@tensorflow/tfjs-layers';
import {
  activateBackend,
  activeAccelerations,
  checkThreads,
  checkWasmPaths,
  setupFastWasm,
  unavailableWasmThreads,
  type Acceleration,
  type WasmBinaryName,
} from '@manifold-mixup/tfjs-wasm-training';
import { AUTO_ORDER, environmentVariable, loadTfjsNode, tensorflowThreads } from './backend-host.js';
import { registerFileSystemRouter } from './file-system-io.js';
import { choiceError } from './option-checks.js';

export type { Acceleration, WasmBinaryName } from '@manifold-mixup/tfjs-wasm-training';

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
  /**
   * Whether our wasm matmul kernels are installed in tfjs' registry and in effect:
   * `accelerations.includes('fast-matmul')`, so false on tensorflow and cpu (tfjs-node's matmuls
   * are fast without them).
   */
  fastMatMul: boolean;
  /** Our wasm accelerations really in effect (none on tensorflow and cpu): activeAccelerations() of tfjs-wasm-training. */
  accelerations: Acceleration[];
  tfjsVersion: string;
  /** Why backends earlier in the 'auto' order were skipped. */
  skipped?: Array<{ name: string; reason: string }>;
}

export interface BackendOptions {
  /**
   * wasm only: threads for XNNPACK's matmuls and other heavy kernels, from 1 to 8 (default: the
   * MANIFOLD_MIXUP_THREADS environment variable, else the available cores, at most 8; in a browser
   * the cores only on a cross-origin-isolated page, else 1). Fixed by the first initialisation of
   * the wasm backend in a process or page. Results do not depend on it.
   */
  threads?: number;
  /**
   * wasm only: where the .wasm binaries are, as tfjs-backend-wasm's setWasmPaths takes them: a
   * folder prefix ending in '/', or a URL or path for each of the three binaries (e.g. the URLs a
   * bundler gives for them). Default: in Node the files of the installed package; in a browser the
   * folder of the page. Used by the first initialisation of the wasm backend; later ones must ask
   * for the same or nothing.
   */
  wasmPaths?: string | Record<WasmBinaryName, string>;
}

type Candidate = Exclude<BackendName, 'auto'>;

const NAMES: readonly BackendName[] = ['auto', 'tensorflow', 'wasm', 'cpu'];
const ENV_VAR = 'MANIFOLD_MIXUP_BACKEND';
const THREADS_VAR = 'MANIFOLD_MIXUP_THREADS';

function requestedBackend(name: BackendName | undefined): BackendName {
  const fromEnv = environmentVariable(ENV_VAR);
  const chosen = name ?? (fromEnv != null && fromEnv !== '' ? fromEnv : 'auto');
  if (!NAMES.includes(chosen as BackendName)) {
    const field = name != null ? 'name' : `environment variable ${ENV_VAR}`;
    throw choiceError('initBackend', field, `must be one of ${NAMES.join(', ')}`, chosen);
  }
  return chosen as BackendName;
}

async function loadTensorflow(): Promise<void> {
  await loadTfjsNode();
  await activateBackend('tensorflow');
}

/** The thread count asked for (option, else environment variable), or null for the default. */
function requestedThreads(threads: number | undefined): number | null {
  const fromEnv = environmentVariable(THREADS_VAR);
  if (threads != null) return checkThreads(threads, 'initBackend');
  return fromEnv == null || fromEnv === ''
    ? null
    : checkThreads(fromEnv, 'initBackend', `environment variable ${THREADS_VAR}`);
}

async function loadWasm(threads: number | null, wasmPaths: BackendOptions['wasmPaths']): Promise<void> {
  // The default applies at the first initialisation only ('available'); later ones keep what runs.
  await setupFastWasm({ threads: threads ?? 'available', wasmPaths });
}

async function loadCpu(): Promise<void> {
  await import('@tensorflow/tfjs-backend-cpu');
  await activateBackend('cpu');
}

async function load(
  candidate: Candidate,
  threads: number | null,
  wasmPaths: BackendOptions['wasmPaths'],
): Promise<void> {
  if (candidate === 'tensorflow') return loadTensorflow();
  if (candidate === 'wasm') return loadWasm(threads, wasmPaths);
  return loadCpu();
}

async function threadsOf(name: Candidate): Promise<number> {
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    return wasm.getThreadsCount();
  }
  if (name === 'tensorflow') return tensorflowThreads();
  return 1;
}

/**
 * Select and initialise the tfjs backend. 'auto' tries tfjs-node, then wasm, then cpu (in a
 * browser: wasm, then cpu). The default comes from the MANIFOLD_MIXUP_BACKEND environment
 * variable (Node), else 'auto'.
 *
 * ```ts
 * const info = await initBackend('wasm', { threads: 2 });
 * console.log(info.name, info.threads, info.accelerations); // 'wasm', 2, ['fast-matmul', ...]
 * ```
 */
export async function initBackend(name?: BackendName, options: BackendOptions = {}): Promise<BackendInfo> {
  const requested = requestedBackend(name);
  const threads = requestedThreads(options.threads);
  const wasmPaths = options.wasmPaths == null ? undefined : checkWasmPaths(options.wasmPaths, 'initBackend');
  const order: readonly Candidate[] = requested === 'auto' ? AUTO_ORDER : [requested];
  // An impossible request is an error, not a reason to fall back to cpu.
  const threadsProblem = threads != null && order.includes('wasm') ? unavailableWasmThreads(threads) : null;
  if (threadsProblem != null) throw new Error(`initBackend options.threads: ${threadsProblem}`);
  const skipped: Array<{ name: string; reason: string }> = [];
  for (const candidate of order) {
    try {
      // Each loader activates its backend itself: wasm must do so while its thread setup is in place.
      await load(candidate, threads, wasmPaths);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      skipped.push({ name: candidate, reason });
      continue;
    }
    const backendThreads = await threadsOf(candidate);
    const accelerations = activeAccelerations();
    const info: BackendInfo = {
      name: tf.getBackend(),
      requested,
      threads: backendThreads,
      fastMatMul: accelerations.includes('fast-matmul'),
      accelerations,
      tfjsVersion: tf.version_core,
    };
    if (candidate === 'wasm') info.simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) as boolean;
    if (skipped.length > 0) info.skipped = skipped;
    // In Node, file:// for tf.io's save and loadLayersModel, as tfjs-node provides (a no-op in browsers).
    registerFileSystemRouter();
    return info;
  }
  throw new Error(
    `initBackend('${requested}'): no backend could be initialised: ` +
      skipped.map((s) => `${s.name} (${s.reason})`).join('; '),
  );
}
