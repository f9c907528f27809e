// What initBackend needs from Node beyond the wasm setup (@manifold-mixup/tfjs-wasm-training has its
// own host): environment variables, the core count and tfjs-node. package.json's `browser` field
// swaps this file for backend-host.browser.ts in browser bundles, so no `node:` import is reachable
// from there.
import { availableParallelism } from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import { explainTfjsNodeFailure } from './tfjs-node-failure.js';

/** The backends 'auto' tries, in order. */
export const AUTO_ORDER: readonly ('tensorflow' | 'wasm' | 'cpu')[] = ['tensorflow', 'wasm', 'cpu'];

export function environmentVariable(name: string): string | undefined {
  return process.env[name];
}

/** Threads tfjs-node computes with (libtensorflow's pools size themselves to the cores). */
export function tensorflowThreads(): number {
  return availableParallelism();
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
