import type * as tf from '@tensorflow/tfjs-core';
import { layers, sequential, type Sequential } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { blobs } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { ManifoldMixupModel } from './model.js';

// Keras users often start a Sequential with an explicit input layer; tfjs then lists it in
// `model.layers`, and applying it to a tensor throws. fromSequential drops it: mixing "at" it is
// input mixup, and the net trains exactly as the same net without it.
const dense = () => [
  layers.dense({ units: 8, activation: 'relu', name: 'h1' }),
  layers.dense({ units: 2, activation: 'softmax', name: 'out' }),
];
const withInputLayer = (): Sequential =>
  sequential({ layers: [layers.inputLayer({ inputShape: [2], name: 'pixels' }), ...dense()] });
const withoutInputLayer = (): Sequential => {
  const [h1, out] = dense();
  return sequential({ layers: [layers.dense({ ...h1.getConfig(), inputShape: [2] } as never), out] });
};
const weights = (m: { getWeights(): tf.Tensor[] }) => m.getWeights().map((w) => Array.from(w.dataSync()));

describe('fromSequential with an explicit tf.layers.inputLayer', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it.each([
    ['the input layer by name', ['pixels'], [0]],
    ['the input layer by index', [0], [0]],
    ['a hidden layer', ['out'], ['out']],
    ['nowhere (baseline)', [], []],
  ] as const)('mixing at %s trains like the net without it', async (_, mixAtWith, mixAtWithout) => {
    const data = blobs(40, 3);
    const a = withInputLayer();
    const b = withoutInputLayer();
    expect(a.layers.map((l) => l.getClassName())).toEqual(['InputLayer', 'Dense', 'Dense']);
    const ma = ManifoldMixupModel.fromSequential(a, { mixAt: [...mixAtWith], seed: 3, reinitialize: true });
    const mb = ManifoldMixupModel.fromSequential(b, { mixAt: [...mixAtWithout], seed: 3, reinitialize: true });
    expect(weights(a)).toEqual(weights(b));
    const ha = await ma.fit(data, { epochs: 2, batchSize: 10 });
    const hb = await mb.fit(data, { epochs: 2, batchSize: 10 });
    expect(ha.history.loss).toEqual(hb.history.loss);
    expect(weights(a)).toEqual(weights(b));
    for (const m of [ma, mb, a, b]) m.dispose();
  });
});
