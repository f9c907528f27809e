import * as tf from '@tensorflow/tfjs-core';
import {
  History,
  input,
  layers,
  model,
  sequential,
  type LayersModel,
  type SymbolicTensor,
} from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { blobs } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { ManifoldMixupModel } from './model.js';
import { withSeededMathRandom } from './seeded-math-random.js';

const call = (layer: layers.Layer, x: SymbolicTensor | SymbolicTensor[]) => layer.apply(x) as SymbolicTensor;
const weightsOf = (m: ManifoldMixupModel) => m.weights.map((w) => Array.from(w.variable.dataSync()));

/** 2 -> stem -> (f1 -> f2) + stem -> relu -> 2: one dense residual block, built from `seed`. */
function residualMlp(seed: number): LayersModel {
  return withSeededMathRandom(seed, () => {
    const x = input({ shape: [2] });
    const stem = call(layers.dense({ units: 16, name: 'stem' }), x);
    const f = call(
      layers.dense({ units: 16, name: 'f2' }),
      call(layers.dense({ units: 16, activation: 'relu' }), stem),
    );
    const block = call(layers.reLU(), call(layers.add({ name: 'block' }), [f, stem]));
    return model({ inputs: x, outputs: call(layers.dense({ units: 2, activation: 'softmax', name: 'out' }), block) });
  });
}

describe('ManifoldMixupModel.fromLayersModel', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it("mixes the named layers' outputs: 'input' or the InputLayer's name is the input", () => {
    const net = residualMlp(1);
    const inputName = net.inputs[0].sourceLayer.name;
    const wrapped = ManifoldMixupModel.fromLayersModel(net, { mixAt: ['block', inputName, 'stem', 'input'] });
    expect(wrapped.layers.map((l) => l.name).slice(0, 1)).toEqual(['stem']);
    // Places: 0 the input, i the output of layers[i - 1].
    const place = (name: string) => wrapped.layers.findIndex((l) => l.name === name) + 1;
    expect(wrapped.eligibleLayers).toEqual([0, 1, place('block')]);
    expect([wrapped.inputShape, wrapped.numClasses]).toEqual([[2], 2]);
    wrapped.dispose();
  });

  it('names what is wrong with the options', () => {
    const net = residualMlp(1);
    const wrap = (options: unknown) => () => ManifoldMixupModel.fromLayersModel(net, options as never);
    expect(wrap({ mixAt: ['nope'] })).toThrow(RangeError);
    expect(wrap({ mixAt: ['stem', 'nope'] })).toThrow(
      /^fromLayersModel: options\.mixAt\[1\] must name a layer of the model \(input, stem, dense_Dense\d+, f2, block, re_lu_ReLU\d+\), found "nope"$/,
    );
    expect(wrap({ mixAt: ['out'] })).toThrow(
      new RangeError(
        'fromLayersModel: options.mixAt[0] must name a layer before the output layer (mixing its output would mix the predictions, not a representation), found "out"',
      ),
    );
    expect(wrap({ mixAt: [1] })).toThrow(
      new TypeError("fromLayersModel: options.mixAt[0] must be a layer name ('input' for the model input), found 1"),
    );
    expect(wrap({ mixAt: 'stem' })).toThrow(
      new TypeError(
        "fromLayersModel: options.mixAt must be an array of layer names ('input' for the model input), found string",
      ),
    );
    expect(wrap(undefined)).toThrow(/^fromLayersModel: options must be an object such as/);
  });

  it('in a chain, mixing the output of h1 is fromSequential mixing the input of h2: the same weights', async () => {
    const specs = () => [
      layers.dense({ units: 16, activation: 'relu', name: 'h1', inputShape: [2] }),
      layers.dense({ units: 16, activation: 'tanh', name: 'h2' }),
      layers.dense({ units: 2, activation: 'softmax', name: 'out' }),
    ];
    const x = input({ shape: [2] });
    const functional = model({ inputs: x, outputs: specs().reduce((h, layer) => call(layer, h), x) });
    const chain = sequential({ layers: specs() });
    chain.setWeights(functional.getWeights());
    const graph = ManifoldMixupModel.fromLayersModel(functional, { mixAt: ['h1'], seed: 5 });
    const seq = ManifoldMixupModel.fromSequential(chain, { mixAt: ['h2'], seed: 5 });
    expect(graph.eligibleLayers).toEqual(seq.eligibleLayers);
    const train = blobs(60, 2);
    const a = await graph.fit(train, { epochs: 3, batchSize: 10, learningRate: 0.02 });
    const b = await seq.fit(train, { epochs: 3, batchSize: 10, learningRate: 0.02 });
    expect(a.epochs.map((e) => e.loss)).toEqual(b.epochs.map((e) => e.loss));
    // Bit for bit: fromSequential runs h1 (data only) as matMul + add + relu, the graph as the layer
    // itself, and on wasm both give the same f32 numbers.
    expect(weightsOf(graph)).toEqual(weightsOf(seq));
    graph.dispose();
    seq.dispose();
  });

  it('trains a residual graph deterministically, with no tensor left behind', async () => {
    const train = blobs(80, 3);
    const make = () => ManifoldMixupModel.fromLayersModel(residualMlp(2), { mixAt: ['input', 'block'], seed: 9 });
    const [a, b] = [make(), make()];
    expect(weightsOf(a)).toEqual(weightsOf(b));
    const history = await a.fit(train, { epochs: 4, batchSize: 16, learningRate: 0.02 });
    await b.fit(train, { epochs: 4, batchSize: 16, learningRate: 0.02 });
    expect(weightsOf(a)).toEqual(weightsOf(b));
    expect(history.epochs[3].loss).toBeLessThan(history.epochs[0].loss);
    expect((await a.evaluate(blobs(60, 4))).accuracy).toBeGreaterThan(0.9);
    // Another fit seed draws other batches and mixes: other weights.
    const c = make();
    await c.fit(train, { epochs: 4, batchSize: 16, learningRate: 0.02, seed: 10 });
    expect(weightsOf(c)).not.toEqual(weightsOf(a));

    // The optimizer's state exists now; another fit, predict, evaluate and activations add no tensor.
    const before = tf.memory().numTensors;
    await a.fit(train, { epochs: 1, batchSize: 16 });
    await a.predict(train.x);
    await a.evaluate(train);
    await a.activations(train.x, 'block');
    a.toLayersModel().dispose();
    expect(tf.memory().numTensors).toBe(before);
    for (const m of [a, b, c]) m.dispose();
  });

  it('fit(x, y, args) trains the graph as tfjs calls it, resolving to a tf.History', async () => {
    const net = residualMlp(3);
    const wrapped = ManifoldMixupModel.fromLayersModel(net, { mixAt: ['block'], seed: 2 });
    const train = blobs(40, 5);
    const xs = tf.tensor2d(train.x, [train.n, 2]);
    const ys = tf.oneHot(tf.tensor1d(Array.from(train.y), 'int32'), 2);
    const before = net.getWeights().map((w) => Array.from(w.dataSync()));
    const history = await wrapped.fit(xs, ys, { epochs: 1, batchSize: 10, verbose: 0 });
    expect(history).toBeInstanceOf(History);
    expect(history.epoch).toEqual([0]);
    expect(history.history.loss).toHaveLength(1);
    // The layers are shared: the user's net has the trained weights.
    expect(net.getWeights().map((w) => Array.from(w.dataSync()))).not.toEqual(before);
    tf.dispose([xs, ys]);
    wrapped.dispose();
    net.dispose();
  });
});
