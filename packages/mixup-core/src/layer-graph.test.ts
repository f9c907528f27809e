import * as tf from '@tensorflow/tfjs-core';
// tfjs 4.22's default orthogonal recurrent initializer fails on cpu (rMat.flatten): glorotUniform here.
import { input, layers, model, sequential, type SymbolicTensor } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend.js';
import { readLayerGraph } from './layer-graph.js';
import { mixingMatrix, mixRows } from './mixing.js';
import { ManifoldMixupModel } from './model.js';

const call = (layer: layers.Layer, x: SymbolicTensor | SymbolicTensor[]) => layer.apply(x) as SymbolicTensor;
const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Array.from(a).reduce((worst, v, i) => Math.max(worst, Math.abs(v - b[i])), 0);

/** x -> a -> b; sum = a + b (a skip connection around b) -> out. */
function skipNet(outActivation: 'linear' | 'softmax' = 'linear') {
  const x = input({ shape: [3] });
  const a = call(layers.dense({ units: 4, activation: 'tanh', name: 'a' }), x);
  const b = call(layers.dense({ units: 4, activation: 'tanh', name: 'b' }), a);
  const sum = call(layers.add({ name: 'sum' }), [a, b]);
  return model({ inputs: x, outputs: call(layers.dense({ units: 2, activation: outActivation, name: 'out' }), sum) });
}

describe('a tf.LayersModel graph run by ManifoldMixupModel', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it('orders the layer calls so that each runs after what it reads, the output last', () => {
    const graph = readLayerGraph(skipNet());
    expect(graph.nodes.map((n) => n.layer.name)).toEqual(['a', 'b', 'sum', 'out']);
    expect(graph.nodes.map((n) => n.inputs)).toEqual([[-1], [0], [0, 1], [2]]);
    expect(graph.inputName).toMatch(/^input/);
  });

  it('mixes a layer output for every layer that reads it, the skip connection included', () => {
    const net = skipNet();
    const wrapped = ManifoldMixupModel.fromLayersModel(net, { mixAt: ['a'] });
    expect(wrapped.eligibleLayers).toEqual([1]); // place 1: the output of layers[0], 'a'
    const [a, b, sum, out] = ['a', 'b', 'sum', 'out'].map((name) => net.getLayer(name));
    const x = tf.tensor2d([0.5, -1, 2, 1, 0.25, -0.5, -2, 0, 1], [3, 3]);
    const matrix = tf.tensor2d(mixingMatrix(0.3, [2, 0, 1]), [3, 3]);
    const ours = tf.tidy(() => wrapped.forward(x, false, { layer: 1, matrix }).arraySync() as number[][]);
    const [expected, skipUnmixed] = tf.tidy(() => {
      const clean = a.apply(x) as tf.Tensor;
      const mixed = mixRows(clean, matrix);
      const main = b.apply(mixed) as tf.Tensor;
      return [
        (out.apply(sum.apply([mixed, main])) as tf.Tensor).arraySync() as number[][],
        (out.apply(sum.apply([clean, main])) as tf.Tensor).arraySync() as number[][],
      ];
    });
    expect(maxDifference(ours.flat(), expected.flat())).toBeLessThan(1e-6);
    // The check can tell: a skip connection that kept the unmixed tensor gives other numbers.
    expect(maxDifference(ours.flat(), skipUnmixed.flat())).toBeGreaterThan(1e-3);
    tf.dispose([x, matrix]);
    wrapped.dispose();
  });

  it('predicts what the wrapped model predicts, and runs up to any layer for activations', async () => {
    const net = skipNet('softmax');
    const wrapped = ManifoldMixupModel.fromLayersModel(net, { mixAt: ['input', 'sum'] });
    expect(wrapped.logitsSource).toBe('softmax-activation-removed');
    expect(wrapped.eligibleLayers).toEqual([0, 3]);
    const x = new Float32Array([0.5, -1, 2, 1, 0.25, -0.5]);
    const reference = tf.tidy(() => (net.predict(tf.tensor2d(x, [2, 3])) as tf.Tensor).dataSync());
    expect(maxDifference(await wrapped.predict(x), reference)).toBeLessThan(1e-6);
    const sum = await wrapped.activations(x, 'sum');
    const direct = tf.tidy(() => {
      const a = net.getLayer('a').apply(tf.tensor2d(x, [2, 3])) as tf.Tensor;
      return (net.getLayer('sum').apply([a, net.getLayer('b').apply(a) as tf.Tensor]) as tf.Tensor).dataSync();
    });
    expect([sum.rows, sum.cols]).toEqual([2, 4]);
    expect(maxDifference(sum.values, direct)).toBeLessThan(1e-6);
    wrapped.dispose();
  });

  it('stops before a separate softmax layer: the logits come from the layer that feeds it', async () => {
    const x = input({ shape: [3] });
    const left = call(layers.dense({ units: 2, name: 'left' }), x);
    const right = call(layers.dense({ units: 2, name: 'right' }), call(layers.dense({ units: 5, name: 'wide' }), x));
    const logits = call(layers.add({ name: 'logits' }), [left, right]);
    const net = model({ inputs: x, outputs: call(layers.softmax(), logits) });
    const wrapped = ManifoldMixupModel.fromLayersModel(net, { mixAt: ['logits'] });
    expect(wrapped.logitsSource).toBe('softmax-layer-skipped');
    expect(wrapped.layers[wrapped.networkDepth - 1].name).toBe('logits');
    const rows = new Float32Array([1, 2, 3]);
    const p = tf.tidy(() => (net.predict(tf.tensor2d(rows, [1, 3])) as tf.Tensor).dataSync());
    expect(maxDifference(await wrapped.predict(rows), p)).toBeLessThan(1e-6);
    wrapped.dispose();
  });

  describe('refuses what it cannot run, naming the layer', () => {
    const dense = (units: number, name?: string) => layers.dense({ units, name });

    it('several inputs or outputs, or no layers', () => {
      const x1 = input({ shape: [2] });
      const x2 = input({ shape: [2] });
      const joined = model({ inputs: [x1, x2], outputs: call(dense(2), call(layers.concatenate(), [x1, x2])) });
      expect(() => ManifoldMixupModel.fromLayersModel(joined, { mixAt: [] })).toThrow(
        new RangeError('fromLayersModel: model must have one input and one output, found 2 inputs and 1 output'),
      );
      const forked = model({ inputs: x1, outputs: [call(dense(2), x1), call(dense(2), x1)] });
      expect(() => ManifoldMixupModel.fromLayersModel(forked, { mixAt: [] })).toThrow(/found 1 input and 2 outputs/);
      const unbuilt = sequential(); // layers are added later, the first with inputShape
      expect(() => ManifoldMixupModel.fromLayersModel(unbuilt, { mixAt: [] })).toThrow(
        /found 0 inputs and 0 outputs \(a tf\.sequential needs inputShape on its first layer\)/,
      );
      expect(() => ManifoldMixupModel.fromLayersModel({ inputs: [] } as never, { mixAt: [] })).toThrow(TypeError);
      expect(() => ManifoldMixupModel.fromLayersModel({} as never, { mixAt: [] })).toThrow(
        new TypeError(
          'fromLayersModel: model must be a tf.LayersModel (tf.model({ inputs, outputs }) or tf.sequential), found object',
        ),
      );
    });

    it('a stateful RNN layer', () => {
      const x = input({ batchShape: [4, 3, 2] });
      const rnn = layers.simpleRNN({ units: 3, stateful: true, name: 'memory', recurrentInitializer: 'glorotUniform' });
      const net = model({ inputs: x, outputs: call(dense(2), call(rnn, x)) });
      expect(() => ManifoldMixupModel.fromLayersModel(net, { mixAt: [] })).toThrow(RangeError);
      expect(() => ManifoldMixupModel.fromLayersModel(net, { mixAt: [] })).toThrow(
        /^fromLayersModel: model must hold no stateful layer \(.*\), found memory \(SimpleRNN\) with stateful: true$/,
      );
    });

    it('a layer called twice, with several outputs, or producing a mask', () => {
      const x = input({ shape: [4] });
      const twice = dense(4, 'twice');
      const shared = model({ inputs: x, outputs: call(dense(2), call(twice, call(twice, x))) });
      expect(() => ManifoldMixupModel.fromLayersModel(shared, { mixAt: [] })).toThrow(
        /must call each layer once .*, found twice \(Dense\) called more than once$/,
      );
      const sequence = input({ shape: [3, 2] });
      const [last] = layers
        .simpleRNN({ units: 3, returnState: true, name: 'rnn', recurrentInitializer: 'glorotUniform' })
        .apply(sequence) as SymbolicTensor[];
      const stateful = model({ inputs: sequence, outputs: call(dense(2), last) });
      expect(() => ManifoldMixupModel.fromLayersModel(stateful, { mixAt: [] })).toThrow(
        'fromLayersModel: model must hold layers with one output tensor each, found rnn (SimpleRNN) with several',
      );
      const masked = call(layers.masking({ maskValue: 0, name: 'pad' }), sequence);
      const masking = model({
        inputs: sequence,
        outputs: call(dense(2), call(layers.simpleRNN({ units: 3, recurrentInitializer: 'glorotUniform' }), masked)),
      });
      expect(() => ManifoldMixupModel.fromLayersModel(masking, { mixAt: [] })).toThrow(
        /must hold no layer that produces a mask .*, found pad \(Masking\)$/,
      );
    });
  });
});
