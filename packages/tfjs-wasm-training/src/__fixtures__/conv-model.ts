import { createHash } from 'node:crypto';
import * as tf from '@tensorflow/tfjs-core';
import { initializers, layers, sequential } from '@tensorflow/tfjs-layers';
import { mulberry32 } from '@manifold-mixup/random';

// A small convnet as tf.layers builds one (conv, ReLU, max-pool, a depthwise conv, a padded strided conv,
// dense), nothing of ours in it: it takes every conv, depthwise and pool kernel of ours in training.

function convModel(optimizer: tf.Optimizer): ReturnType<typeof sequential> {
  const glorot = (seed: number) => initializers.glorotUniform({ seed });
  const model = sequential({
    layers: [
      layers.conv2d({
        inputShape: [12, 12, 1],
        filters: 8,
        kernelSize: 3,
        activation: 'relu',
        kernelInitializer: glorot(1),
      }),
      layers.maxPooling2d({ poolSize: 2 }),
      layers.depthwiseConv2d({
        kernelSize: 3,
        depthMultiplier: 2,
        padding: 'same',
        activation: 'relu',
        depthwiseInitializer: glorot(4),
      }),
      layers.conv2d({
        filters: 16,
        kernelSize: 3,
        strides: 2,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: glorot(2),
      }),
      layers.flatten(),
      layers.dense({ units: 4, activation: 'softmax', kernelInitializer: glorot(3) }),
    ],
  });
  model.compile({ optimizer, loss: 'categoricalCrossentropy' });
  return model;
}

/** 128 noisy 12 × 12 images of 4 classes: class c is a bright 4 × 4 square in quadrant c. */
function convData(): { x: tf.Tensor4D; y: tf.Tensor2D } {
  const rng = mulberry32(5);
  const n = 128;
  const x = new Float32Array(n * 144);
  const y = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const c = i % 4;
    y[i * 4 + c] = 1;
    const [r0, c0] = [c < 2 ? 1 : 7, c % 2 === 0 ? 1 : 7];
    for (let p = 0; p < 144; p++) {
      const [r, col] = [Math.floor(p / 12), p % 12];
      const inside = r >= r0 && r < r0 + 4 && col >= c0 && col < c0 + 4;
      x[i * 144 + p] = (inside ? 1 : 0) + 2 * (rng() - 0.5);
    }
  }
  return { x: tf.tensor4d(x, [n, 12, 12, 1]), y: tf.tensor2d(y, [n, 4]) };
}

export interface ConvRun {
  losses: number[];
  /** SHA-256 of the trained weights' bytes, in order. */
  sha256: string;
}

/** Trains convModel() on convData() with model.fit on the active backend (no shuffling). */
export async function trainConvModel(epochs = 6): Promise<ConvRun> {
  const optimizer = tf.train.adam(3e-3);
  const model = convModel(optimizer);
  const { x, y } = convData();
  try {
    const history = await model.fit(x, y, { epochs, batchSize: 32, shuffle: false, verbose: 0 });
    const hash = createHash('sha256');
    for (const w of model.getWeights()) hash.update(w.dataSync() as Float32Array);
    return { losses: history.history.loss as number[], sha256: hash.digest('hex') };
  } finally {
    model.dispose();
    optimizer.dispose();
    tf.dispose([x, y]);
  }
}

/** SHA-256 of the weights after `trainConvModel()` with our kernels: the same on 1 and 2 threads. */
export const CONV_MODEL_SHA256 = 'c5b412150916d46469acc2a730a1902054bac01fe1e6f7fe32a95ee0d70e53d3';
