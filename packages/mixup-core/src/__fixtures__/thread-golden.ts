import { createHash } from 'node:crypto';
import { layers } from '@tensorflow/tfjs-layers';
import { mulberry32 } from '@manifold-mixup/random';
import { ManifoldMixupModel } from '../model.js';
import type { LayerSpec } from '../types.js';

/**
 * SHA-256 of the weights after `trainGoldenModel` on the wasm backend: the same with 1, 2 or more
 * threads, and with tfjs-backend-wasm's single-threaded and threaded builds (XNNPACK splits a
 * matmul's output among threads; each output element is still summed in one order). If a change
 * to training moves it, regenerate it with threads 1, then check the threaded test agrees.
 */
export const GOLDEN_WEIGHTS_SHA256 = 'cb94ba1e797636e357ce14569d955052a234ceb520894cd76974dc651c89c077';

/** 64 -> 256 x3 -> 10, batches of 64: matmuls large enough that XNNPACK splits them among threads. */
export async function trainGoldenModel(): Promise<string> {
  const specs: LayerSpec[] = [];
  for (let i = 0; i < 3; i++) {
    specs.push([layers.dense({ units: 256 }), i === 1]);
    specs.push([layers.leakyReLU({ alpha: 0.3 }), false]);
  }
  specs.push([layers.dense({ units: 10, activation: 'softmax' }), false]);
  const model = new ManifoldMixupModel({ layers: specs, inputShape: [64], numClasses: 10, alpha: 2, seed: 5 });
  const rng = mulberry32(9);
  const n = 640;
  const data = {
    x: Float32Array.from({ length: n * 64 }, rng),
    y: Uint8Array.from({ length: n }, (_, i) => i % 10),
    n,
    shape: [64],
    numClasses: 10,
  };
  try {
    await model.fit(data, { epochs: 2, batchSize: 64 });
    const hash = createHash('sha256');
    for (const variable of model.trainableVariables) hash.update(variable.dataSync() as Float32Array);
    return hash.digest('hex');
  } finally {
    model.dispose();
  }
}
