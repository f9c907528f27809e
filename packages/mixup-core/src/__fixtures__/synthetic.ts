import { layers } from '@tensorflow/tfjs-layers';
import { mulberry32, sampleNormal } from '@manifold-mixup/random';
import type { LayerSpec } from '../types.js';

/** Two Gaussian blobs in 2-D (class 0 around (-1, -1), class 1 around (1, 1)). */
export function blobs(n: number, seed = 1) {
  const rng = mulberry32(seed);
  const x = new Float32Array(n * 2);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2;
    const centre = y[i] === 0 ? -1 : 1;
    x[2 * i] = centre + 0.5 * sampleNormal(rng);
    x[2 * i + 1] = centre + 0.5 * sampleNormal(rng);
  }
  return { x, y, n, shape: [2] as const, numClasses: 2 };
}

/** A small MLP 2 -> 16 -> 16 -> 2 with LeakyReLU; mixing eligible at the dense layers in `mixAt`. */
export function smallMlp(mixAt: number[] = [2, 4], lastActivation: 'softmax' | 'linear' = 'softmax'): LayerSpec[] {
  const list = [
    layers.dense({ units: 16 }),
    layers.leakyReLU({ alpha: 0.3 }),
    layers.dense({ units: 16 }),
    layers.leakyReLU({ alpha: 0.3 }),
    layers.dense({ units: 2, activation: lastActivation }),
  ];
  return list.map((layer, i): LayerSpec => [layer, mixAt.includes(i)]);
}
