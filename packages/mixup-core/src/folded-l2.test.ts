import * as tf from '@tensorflow/tfjs-core';
import { layers, regularizers } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { blobs } from './__fixtures__/synthetic.js';
import { Adam } from './adam.js';
import { initBackend } from './backend.js';
import { foldableL2 } from './folded-l2.js';
import { ManifoldMixupModel } from './model.js';

const weightBytes = (model: ManifoldMixupModel) =>
  Buffer.concat(model.weights.map((w) => Buffer.from((w.variable.dataSync() as Float32Array).buffer)));

describe('L2 penalties folded into the fused Adam step (wasm)', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('folds pure L2 on dense kernels and biases only, per optimizable variable', () => {
    const l2 = (value: number) => regularizers.l2({ l2: value });
    const model = new ManifoldMixupModel({
      layers: [
        [layers.dense({ units: 8, activation: 'relu', kernelRegularizer: l2(1e-3), biasRegularizer: l2(2e-3) }), false],
        [
          layers.dense({ units: 8, activation: 'relu', kernelRegularizer: regularizers.l1l2({ l1: 1e-3, l2: 1e-3 }) }),
          true,
        ],
        [layers.dense({ units: 8, activation: 'relu', kernelRegularizer: l2(3e-3) }), true],
        [layers.dense({ units: 8, activation: 'relu', kernelRegularizer: l2(4e-3) }), true],
        [layers.dense({ units: 2, activation: 'softmax' }), false],
      ],
      inputShape: [2],
      numClasses: 2,
      seed: 1,
    });
    // A loss of the user's own beside an L2 penalty: its gradient must stay on the tape.
    const third = model.layers[2] as unknown as { kernel: { read(): tf.Variable } };
    model.layers[2].addLoss(() => tf.sum(third.kernel.read()));
    const folded = foldableL2(model);
    // kernel, bias per layer: an L1 term or another loss keeps the layer on the taped path.
    expect(folded.coefficients.map((c) => Math.fround(c))).toEqual(
      [1e-3, 2e-3, 0, 0, 0, 0, 4e-3, 0, 0, 0].map(Math.fround),
    );
    expect([...folded.layers]).toEqual([model.layers[0], model.layers[3]]);
    model.dispose();
  });

  it('trains to bit-identical weights and losses as differentiating the penalties', async () => {
    const train = async (fold: boolean, fused = true) => {
      const model = new ManifoldMixupModel({
        layers: [
          [layers.dense({ units: 32, activation: 'relu', kernelRegularizer: regularizers.l2({ l2: 5e-5 }) }), true],
          [
            layers.dense({
              units: 32,
              activation: 'relu',
              kernelRegularizer: regularizers.l2({ l2: 5e-3 }),
              biasRegularizer: regularizers.l2({ l2: 1e-2 }),
            }),
            true,
          ],
          [layers.dense({ units: 2, activation: 'softmax', kernelRegularizer: regularizers.l2({ l2: 5e-5 }) }), true],
        ],
        inputShape: [2],
        numClasses: 2,
        alpha: 2,
        seed: 4,
      });
      model.optimizer = new Adam(model.trainableVariables, {}, { fused, foldL2: fold });
      expect(model.adam().foldsL2).toBe(fold);
      expect(foldableL2(model).layers.size).toBe(3);
      const live: number[] = [];
      const history = await model.fit(blobs(64, 9), {
        epochs: 4,
        batchSize: 16,
        learningRate: 1e-2,
        onEpochEnd: () => live.push(tf.memory().numTensors),
      });
      expect(new Set(live).size, `live tensors after each epoch: ${live.join(', ')}`).toBe(1);
      const result = { weights: weightBytes(model), losses: history.epochs.map((e) => e.loss) };
      model.dispose();
      return result;
    };
    const folded = await train(true);
    // The same fused update with the penalties differentiated, and the elementwise one (no fold possible).
    for (const taped of [await train(false), await train(false, false)]) {
      expect(folded.losses).toEqual(taped.losses);
      expect(folded.weights.equals(taped.weights)).toBe(true);
    }
  });
});
