import * as tf from '@tensorflow/tfjs-core';
import { layers, regularizers } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { blobs } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { ManifoldMixupModel } from './model.js';

const weightBytes = (model: ManifoldMixupModel) =>
  Buffer.concat(model.weights.map((w) => Buffer.from((w.variable.dataSync() as Float32Array).buffer)));

describe('layer regularizers and dropout in fit', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it("adds every layer's regularization loss to the training loss (hand-computed L2 + cross-entropy)", async () => {
    const l2 = 0.05;
    const dense = layers.dense({ units: 2, activation: 'linear', kernelRegularizer: regularizers.l2({ l2 }) });
    const model = new ManifoldMixupModel({ layers: [[dense, false]], inputShape: [2], numClasses: 2, seed: 3 });
    const data = blobs(8, 5);
    const [W, b] = dense.getWeights().map((t) => Array.from(t.dataSync()));
    let crossEntropy = 0;
    for (let i = 0; i < data.n; i++) {
      const z = [0, 1].map((c) => b[c] + data.x[2 * i] * W[c] + data.x[2 * i + 1] * W[2 + c]);
      const m = Math.max(...z);
      const logSum = m + Math.log(Math.exp(z[0] - m) + Math.exp(z[1] - m));
      crossEntropy += logSum - z[data.y[i]];
    }
    crossEntropy /= data.n;
    const penalty = l2 * W.reduce((s, w) => s + w * w, 0);
    expect(penalty).toBeGreaterThan(0.01); // large enough that leaving it out would fail below
    // One step over the whole set: the reported loss is the one before the update.
    const history = await model.fit(data, { epochs: 1, batchSize: data.n });
    expect(history.epochs[0].loss).toBeCloseTo(crossEntropy + penalty, 5);
    model.dispose();
  });

  it('the penalty enters the gradient: weights shrink more than without it', async () => {
    const norm = async (l2: number | null) => {
      const dense = layers.dense({
        units: 2,
        activation: 'linear',
        ...(l2 === null ? {} : { kernelRegularizer: regularizers.l2({ l2 }) }),
      });
      const model = new ManifoldMixupModel({ layers: [[dense, false]], inputShape: [2], numClasses: 2, seed: 3 });
      await model.fit(blobs(40, 6), { epochs: 20, batchSize: 10, learningRate: 1e-2 });
      const kernel = dense.getWeights()[0];
      const value = tf.tidy(() => tf.sum(tf.square(kernel)).dataSync()[0]);
      model.dispose();
      return value;
    };
    expect(await norm(1)).toBeLessThan(0.5 * (await norm(null)));
  });

  it('dropout masks are seeded: same seed, identical weights; another seed, different; active in training', async () => {
    const make = (rate: number) =>
      new ManifoldMixupModel({
        layers: [
          [layers.dense({ units: 16, activation: 'relu' }), false],
          [layers.dropout({ rate }), false],
          [layers.dense({ units: 2, activation: 'softmax' }), true],
        ],
        inputShape: [2],
        numClasses: 2,
        seed: 9,
      });
    const data = blobs(40, 7);
    const fitted = async (rate: number, seed: number) => {
      const model = make(rate);
      await model.fit(data, { epochs: 2, batchSize: 10, seed });
      const bytes = weightBytes(model);
      model.dispose();
      return bytes;
    };
    const a = await fitted(0.5, 1);
    expect(a.equals(await fitted(0.5, 1))).toBe(true);
    expect(a.equals(await fitted(0.5, 2))).toBe(false);
    expect(a.equals(await fitted(0, 1))).toBe(false);
  });

  it('dropout is off at inference: predict is deterministic and equals the no-dropout network', async () => {
    const model = new ManifoldMixupModel({
      layers: [
        [layers.dense({ units: 8, activation: 'relu' }), false],
        [layers.dropout({ rate: 0.5 }), false],
        [layers.dense({ units: 2, activation: 'softmax' }), false],
      ],
      inputShape: [2],
      numClasses: 2,
      seed: 2,
    });
    const data = blobs(10, 8);
    const first = await model.predict(data.x);
    expect(Array.from(await model.predict(data.x))).toEqual(Array.from(first));
    const direct = tf.tidy(() => {
      const hidden = model.layers[0].apply(tf.tensor2d(data.x, [data.n, 2])) as tf.Tensor;
      // The layer keeps its softmax (the model only reads logits inside its own forward pass).
      return Array.from((model.layers[2].apply(hidden) as tf.Tensor).dataSync());
    });
    direct.forEach((v, i) => expect(first[i]).toBeCloseTo(v, 6));
    model.dispose();
  });
});
