import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { layers, loadLayersModel, sequential } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { blobs } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { ManifoldMixupModel } from './model.js';
import { useTempDir } from './__fixtures__/temp-dir.js';

const userModel = () =>
  sequential({
    layers: [
      layers.dense({ inputShape: [2], units: 16, activation: 'relu', name: 'hidden1' }),
      layers.dense({ units: 16, activation: 'tanh', name: 'hidden2' }),
      layers.dense({ units: 2, activation: 'softmax', name: 'out' }),
    ],
  });

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((worst, v, i) => Math.max(worst, Math.abs(v - b[i])), 0);

const dir = useTempDir('mixup-core-export-');

describe('fromSequential and toLayersModel', () => {
  beforeAll(async () => {
    await initBackend('wasm'); // registers file:// (no tfjs-node here)
  });

  it('wraps a Sequential, trains it, exports it, saves it and loads it back to the same probabilities', async () => {
    const seq = userModel();
    const model = ManifoldMixupModel.fromSequential(seq, { mixAt: ['hidden2', 2], alpha: 1, seed: 3 });
    expect(model.eligibleLayers).toEqual([1, 2]);
    expect([model.inputShape, model.numClasses, model.logitsSource]).toEqual([[2], 2, 'softmax-activation-removed']);
    const data = blobs(80, 1);
    const before = seq.getWeights()[0].dataSync().slice();
    const history = await model.fit(data, { epochs: 3, batchSize: 16, learningRate: 0.02 });
    expect(history.epochs[2].loss).toBeLessThan(history.epochs[0].loss);
    // The layers are shared: the user's Sequential was trained and still outputs probabilities.
    expect(maxDifference(seq.getWeights()[0].dataSync(), before)).toBeGreaterThan(0);
    const test = blobs(30, 2);
    const ours = await model.predict(test.x);
    const x = tf.tensor2d(test.x, [30, 2]);
    const fromSeq = seq.predict(x) as tf.Tensor;
    expect(maxDifference(fromSeq.dataSync(), ours)).toBeLessThan(1e-6);

    const exported = model.toLayersModel();
    const last = exported.layers[exported.layers.length - 1].getConfig() as { activation?: string };
    expect(last.activation).toBe('softmax');
    await exported.save(`file://${join(dir(), 'model')}`);
    const manifest = JSON.parse(await readFile(join(dir(), 'model', 'model.json'), 'utf8')) as { format: string };
    expect(manifest.format).toBe('layers-model');
    const loaded = await loadLayersModel(`file://${join(dir(), 'model', 'model.json')}`);
    const reloaded = loaded.predict(x) as tf.Tensor;
    expect(reloaded.shape).toEqual([30, 2]);
    expect(maxDifference(reloaded.dataSync(), ours)).toBeLessThan(1e-6);

    // The export is a copy: training the wrapper on does not change it.
    await model.fit(data, { epochs: 1, batchSize: 16, learningRate: 0.02 });
    const exportedAgain = exported.predict(x) as tf.Tensor;
    expect(maxDifference(exportedAgain.dataSync(), reloaded.dataSync())).toBeLessThan(1e-6);
    tf.dispose([x, fromSeq, reloaded, exportedAgain]);
    for (const m of [exported, loaded]) m.dispose();
    model.dispose();
  });

  it('appends a softmax when the network ends in logits, so the export outputs probabilities', async () => {
    const model = new ManifoldMixupModel({
      layers: [
        [layers.dense({ units: 8, activation: 'relu' }), false],
        [layers.dense({ units: 3 }), true],
      ],
      inputShape: [2],
      numClasses: 3,
      seed: 1,
    });
    const x = new Float32Array([0.5, -1, 2, 0.25]);
    const exported = model.toLayersModel({ name: 'logits_net' });
    expect(exported.name).toBe('logits_net');
    const out = exported.predict(tf.tensor2d(x, [2, 2])) as tf.Tensor;
    expect(maxDifference(out.dataSync(), await model.predict(x))).toBeLessThan(1e-6);
    out.dispose();
    exported.dispose();
    model.dispose();
  });

  it('names what is wrong with mixAt or the model', () => {
    expect(() => ManifoldMixupModel.fromSequential(userModel(), { mixAt: ['nope'] })).toThrow(
      new RangeError('fromSequential: mixAt[0] must name a layer (hidden1, hidden2, out), found "nope"'),
    );
    expect(() => ManifoldMixupModel.fromSequential(userModel(), { mixAt: [0, 3] })).toThrow(
      new RangeError('fromSequential: mixAt[1] must be a layer index in [0, 3), found 3'),
    );
    expect(() => ManifoldMixupModel.fromSequential(userModel(), { mixAt: [true as never] })).toThrow(
      new TypeError('fromSequential: mixAt[0] must be a layer index or a layer name, found a boolean'),
    );
    expect(() => ManifoldMixupModel.fromSequential(userModel(), {} as never)).toThrow(
      new TypeError('fromSequential: options.mixAt must be an array of layer names or indices, found undefined'),
    );
    expect(() => ManifoldMixupModel.fromSequential({} as never, { mixAt: [] })).toThrow(
      new TypeError('fromSequential: model must be a tf.Sequential (tf.sequential({...})), found an object'),
    );
  });
});
