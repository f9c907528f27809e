import * as tf from '@tensorflow/tfjs-core';
import { heapKernels, heapKernelSlices } from '../heap-kernels.js';
import { setupFastWasm } from '../setup.js';

/** Starts wasm on 2 threads and waits (up to a minute) until our kernels' helper thread is ready. */
export async function withHelperThread(): Promise<void> {
  await setupFastWasm({ threads: 2 });
  heapKernels(tf.backend()); // starts the helper
  const until = Date.now() + 60_000;
  while (heapKernelSlices(tf.backend()) < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}
