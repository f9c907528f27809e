// tfjs-backend-wasm's own kernels back in tfjs' registry, by name, in place of ours (the rest of ours
// stay): to time one of our kernels against the stock one inside a whole training step.
import * as tf from '@tensorflow/tfjs-core';
import { installFastWasmKernels, uninstallFastWasmKernels } from '@manifold-mixup/tfjs-wasm-training';

/** Registers the stock wasm kernels `names` (ours installed); throws for a name wasm does not have. */
export function useStockKernels(names) {
  uninstallFastWasmKernels();
  const stock = names.map((name) => {
    const config = tf.getKernel(name, 'wasm');
    if (config == null) throw new Error(`useStockKernels: tfjs-backend-wasm has no kernel ${JSON.stringify(name)}`);
    return config;
  });
  installFastWasmKernels();
  for (const config of stock) {
    tf.unregisterKernel(config.kernelName, 'wasm');
    tf.registerKernel(config);
  }
}
