import { createHash } from 'node:crypto';
import * as tf from '@tensorflow/tfjs-core';
import { initializers, layers, sequential } from '@tensorflow/tfjs-layers';
import { mulberry32 } from '@manifold-mixup/random';

// A plain tfjs model, nothing of ours in it: what a tfjs user trains with model.fit.

/**
 * 64 -> 256 -> 256 -> 256 -> 10 dense layers (linear, each followed by a LeakyReLU layer, softmax
 * at the end), seeded initialisers. At batch 32 it takes every path of our kernels: transposed
 * backward matmuls, the (Wᵀ·xᵀ)ᵀ forward of the 256x256 layers, Greater/Select in LeakyReLU's
 * gradient, shared Identity.
 */
export function plainModel(optimizer: tf.Optimizer = tf.train.adam(1e-3)): ReturnType<typeof sequential> {
  const model = sequential();
  [256, 256, 256].forEach((units, i) => {
    const seed = 11 + i;
    model.add(
      layers.dense({
        units,
        inputShape: i === 0 ? [64] : undefined,
        kernelInitializer: initializers.glorotUniform({ seed }),
      }),
    );
    model.add(layers.leakyReLU({ alpha: 0.3 }));
  });
  model.add(
    layers.dense({ units: 10, activation: 'softmax', kernelInitializer: initializers.glorotUniform({ seed: 20 }) }),
  );
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

/** 640 examples of 10 classes: class c is a Gaussian blob around its own random centre in 64-D. */
export function plainData(): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const rng = mulberry32(9);
  const centres = Array.from({ length: 10 }, () => Array.from({ length: 64 }, () => 2 * rng() - 1));
  const n = 640;
  const x = new Float32Array(n * 64);
  const y = new Float32Array(n * 10);
  for (let i = 0; i < n; i++) {
    const c = i % 10;
    y[i * 10 + c] = 1;
    for (let j = 0; j < 64; j++) x[i * 64 + j] = centres[c][j] + 4 * (rng() - 0.5);
  }
  return { x: tf.tensor2d(x, [n, 64]), y: tf.tensor2d(y, [n, 10]) };
}

export interface PlainRun {
  weights: Float32Array[];
  losses: number[];
  accuracy: number;
  /** SHA-256 of the weights' bytes, in order. */
  sha256: string;
}

/** Trains plainModel() on plainData() with model.fit (no shuffling: the order is part of the result). */
export async function trainPlainModel(optimizer?: tf.Optimizer, epochs = 3): Promise<PlainRun> {
  const model = plainModel(optimizer);
  const { x, y } = plainData();
  try {
    const history = await model.fit(x, y, { epochs, batchSize: 32, shuffle: false, verbose: 0 });
    const weights = model.getWeights().map((w) => w.dataSync() as Float32Array);
    const hash = createHash('sha256');
    for (const w of weights) hash.update(w);
    const evaluation = model.evaluate(x, y) as tf.Scalar[];
    const [, accuracy] = evaluation.map((t) => t.dataSync()[0]);
    tf.dispose(evaluation);
    return { weights, losses: history.history.loss as number[], accuracy, sha256: hash.digest('hex') };
  } finally {
    model.dispose();
    optimizer?.dispose();
    tf.dispose([x, y]);
  }
}

/**
 * SHA-256 of the weights after `trainPlainModel()` with our kernels: the same on 1 and 2 threads
 * (XNNPACK splits a matmul's output among threads; each element is still summed in one order).
 */
export const PLAIN_GOLDEN_SHA256 = '7993c1c976b9d276e8df4b7f5d17e72f1b1cd703a6f13bb10907a629717de843';
