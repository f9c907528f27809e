import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { loadLayersModel, type LayersModel } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { importReadmeExample } from './__fixtures__/readme-example.js';
import { useTempDir } from './__fixtures__/temp-dir.js';
import { tinyImages } from './__fixtures__/tiny-images.js';
import { initBackend } from './backend.js';
import { ManifoldMixupModel } from './model.js';
import { withSeededMathRandom } from './seeded-math-random.js';

// The README's conv net and residual net (its networks.ts block, imported as written), small and on
// tiny images: trained with Manifold Mixup on cpu, and on wasm once it has the conv training kernels.

interface Networks {
  simpleConvnet(imageSize?: number, filters?: [number, number], classes?: number): LayersModel;
  preActResNet(imageSize?: number, filters?: number, classes?: number): LayersModel;
}

const CONVNET_PLACES = ['input', 'pool1', 'pool2'];
const RESNET_PLACES = ['input', 'block1', 'block2'];
const weightsOf = (m: ManifoldMixupModel) => m.weights.map((w) => Array.from(w.variable.dataSync()));
/**
 * Fits, and returns the history and the last epoch's mean loss over the first batch's (the initial
 * weights'): losses against mixed targets level off well above 0, and vary from epoch to epoch.
 */
async function fitRatio(model: ManifoldMixupModel, data: ReturnType<typeof tinyImages>, epochs: number) {
  let first = Number.NaN;
  const history = await model.fit(data, {
    epochs,
    batchSize: 12,
    learningRate: 0.01,
    onBatchEnd: ({ epoch, step, loss }) => {
      if (epoch === 1 && step === 1) first = loss;
    },
  });
  return { history, ratio: history.epochs[epochs - 1].loss / first };
}
const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((worst, v, i) => Math.max(worst, Math.abs(v - b[i])), 0);

let networks: Networks;
const convnet = (seed: number) =>
  ManifoldMixupModel.fromLayersModel(
    withSeededMathRandom(seed, () => networks.simpleConvnet(12, [4, 8], 3)),
    { mixAt: CONVNET_PLACES, seed },
  );
const resnet = (seed: number) =>
  ManifoldMixupModel.fromLayersModel(
    withSeededMathRandom(seed, () => networks.preActResNet(8, 4, 3)),
    { mixAt: RESNET_PLACES, alpha: 2, seed },
  );

beforeAll(async () => {
  networks = await importReadmeExample<Networks>('networks.ts');
});

describe('the README conv nets on cpu', () => {
  const dir = useTempDir('mixup-core-resnet-');
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it('the simple convnet trains mixed at the input and after either pooling layer', async () => {
    const model = convnet(1);
    expect(model.eligibleLayers.map((i) => (i === 0 ? 'input' : model.layers[i - 1].name))).toEqual(CONVNET_PLACES);
    expect((await fitRatio(model, tinyImages(60, 12, 1), 10)).ratio).toBeLessThan(0.75);
    expect((await model.evaluate(tinyImages(30, 12, 2))).accuracy).toBeGreaterThan(0.8);
    model.dispose();
  });

  it('the residual net trains mixed at the input and at block outputs, and round-trips through tf.loadLayersModel', async () => {
    const model = resnet(2);
    expect((await fitRatio(model, tinyImages(60, 8, 3), 6)).ratio).toBeLessThan(0.75);
    const test = tinyImages(20, 8, 4);
    const ours = await model.predict(test.x);

    const exported = model.toLayersModel();
    // The same wiring: both blocks' adds read two layers (the second its projection shortcut).
    const adds = exported.layers.filter((l) => l.getClassName() === 'Add');
    expect(adds.map((l) => l.name)).toEqual(['block1', 'block2']);
    expect(adds.map((l) => l.inboundNodes[0].inboundLayers.map((i) => i.getClassName()))).toEqual([
      ['Conv2D', 'Conv2D'],
      ['Conv2D', 'Conv2D'],
    ]);
    await exported.save(`file://${join(dir(), 'resnet')}`);
    const loaded = await loadLayersModel(`file://${join(dir(), 'resnet', 'model.json')}`);
    const reloaded = tf.tidy(() => (loaded.predict(tf.tensor4d(test.x, [20, 8, 8, 1])) as tf.Tensor).dataSync());
    expect(maxDifference(reloaded, ours)).toBeLessThan(1e-6);
    // BatchNorm's moving statistics moved in training, and travelled with the export.
    const movingMean = (m: { getLayer(name: string): { getWeights(): tf.Tensor[] } }, name: string) =>
      Array.from(m.getLayer(name).getWeights()[2].dataSync());
    const bn = model.layers.find((l) => l.getClassName() === 'BatchNormalization')!.name;
    expect(movingMean(loaded, bn)).toEqual(movingMean(exported, bn));
    expect(movingMean(loaded, bn).some((v) => v !== 0)).toBe(true);
    for (const m of [exported, loaded, model]) m.dispose();
  });

  it('the residual net resumes from a checkpoint to the weights of an uninterrupted run, bit for bit', async () => {
    const train = tinyImages(36, 8, 5);
    const options = { batchSize: 12, learningRate: 0.01 };
    const straight = resnet(3);
    await straight.fit(train, { ...options, epochs: 3 });
    const first = resnet(3);
    await first.fit(train, { ...options, epochs: 1, checkpointDir: join(dir(), 'checkpoint') });
    const resumed = resnet(3);
    const history = await resumed.fit(train, { ...options, epochs: 3, checkpointDir: join(dir(), 'checkpoint') });
    expect(history.resumedEpochs).toBe(1);
    expect(weightsOf(resumed)).toEqual(weightsOf(straight)); // BatchNorm's moving statistics included
    for (const m of [straight, first, resumed]) m.dispose();
  });
});

describe('the README conv nets on wasm', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('train when wasm has the conv training kernels', async (context) => {
    if (tf.getKernel('Conv2DBackpropFilter', 'wasm') == null) {
      context.skip(
        'wasm has no Conv2DBackpropFilter kernel yet (tfjs-backend-wasm 4.22 lacks it): trained on cpu only',
      );
    }
    for (const [model, size, epochs] of [
      [convnet(4), 12, 16],
      [resnet(4), 8, 6],
    ] as const) {
      const { history, ratio } = await fitRatio(model, tinyImages(60, size, 6), epochs);
      expect(history.backend).toBe('wasm');
      expect(ratio).toBeLessThan(0.75);
      model.dispose();
    }
  });
});
