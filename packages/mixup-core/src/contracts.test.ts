import * as tf from '@tensorflow/tfjs-core';
import { layers } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { blobs, smallMlp } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { ManifoldMixupModel, type LayerSpec } from './index.js';
import { softCrossEntropy } from './output-head.js';

// What the model's public methods promise at their edges: which output it takes as logits, what
// predict and evaluate compute from it, and the arguments they refuse (naming what was wrong).

const linearTail = (last: LayerSpec[0]): LayerSpec[] => [
  [layers.dense({ units: 4, activation: 'tanh' }), false],
  [last, false],
];

describe('ManifoldMixupModel contracts', () => {
  beforeAll(async () => {
    await initBackend('wasm', { threads: 1 });
  });

  it('skips a softmax activation layer at the end and reads the logits before it', async () => {
    const model = new ManifoldMixupModel({
      layers: [...linearTail(layers.dense({ units: 3 })), [layers.activation({ activation: 'softmax' }), false]],
      inputShape: [2],
      numClasses: 3,
    });
    expect(model.logitsSource).toBe('softmax-layer-skipped');
    expect(model.networkDepth).toBe(2);
    const relu = new ManifoldMixupModel({
      layers: [...linearTail(layers.dense({ units: 3 })), [layers.activation({ activation: 'relu' }), false]],
      inputShape: [2],
      numClasses: 3,
    });
    expect(relu.logitsSource).toBe('logits');
    expect(relu.networkDepth).toBe(3);
    // predict: softmax of the logits, which is what the skipped layer would have output.
    const data = blobs(5);
    const p = await model.predict(data.x, 5);
    const expected = tf.tidy(() => model.forward(tf.tensor2d(data.x, [5, 2]), false, undefined, 3).dataSync());
    p.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
    model.dispose();
    relu.dispose();
  });

  it("with output 'softmax' and no recognisable softmax, predicts the last layer's output as is and evaluates log(p)", async () => {
    // A sigmoid pair is not a distribution, which makes "used as is" observable.
    const model = new ManifoldMixupModel({
      layers: linearTail(layers.dense({ units: 2, activation: 'sigmoid' })),
      inputShape: [2],
      numClasses: 2,
      output: 'softmax',
    });
    expect(model.logitsSource).toBe('probabilities');
    const data = blobs(6);
    const raw = tf.tidy(() => model.forward(tf.tensor2d(data.x, [6, 2]), false).dataSync());
    const p = await model.predict(data.x, 6);
    p.forEach((v, i) => expect(v).toBeCloseTo(raw[i], 6));
    const nll = -Array.from({ length: 6 }, (_, r) => Math.log(raw[2 * r + data.y[r]])).reduce((a, b) => a + b) / 6;
    expect((await model.evaluate(data)).nll).toBeCloseTo(nll, 5);
    model.dispose();
  });

  it('clips probabilities at 1e-7 in the fallback loss', () => {
    const loss = softCrossEntropy(tf.tensor2d([[1, 0]]), tf.tensor2d([[0, 1]]), 'probabilities');
    expect(loss.dataSync()[0]).toBeCloseTo(-Math.log(1e-7), 4);
    loss.dispose();
  });

  it('mixes the input of a trailing softmax layer when it is the eligible one (the logits)', async () => {
    const model = new ManifoldMixupModel({
      layers: [...linearTail(layers.dense({ units: 2 })), [layers.softmax(), true]],
      inputShape: [2],
      numClasses: 2,
      alpha: 1,
    });
    const x = tf.tensor2d(blobs(6).x, [6, 2]);
    const matrix = tf.tensor2d(
      [
        [0.5, 0.5, 0, 0, 0, 0],
        [0.5, 0.5, 0, 0, 0, 0],
        [0, 0, 1, 0, 0, 0],
        [0, 0, 0, 1, 0, 0],
        [0, 0, 0, 0, 1, 0],
        [0, 0, 0, 0, 0, 1],
      ],
      [6, 6],
    );
    const mixed = model.forward(x, true, { layer: 2, matrix });
    const plain = model.forward(x, true);
    const [m, h] = [mixed.dataSync(), plain.dataSync()];
    expect(m[0]).toBeCloseTo((h[0] + h[2]) / 2, 5);
    expect(Array.from(m.slice(4))).toEqual(Array.from(h.slice(4)));
    tf.dispose([x, matrix, mixed, plain]);
    model.dispose();
  });

  it('refuses bad inputs to predict, evaluate and activations, naming the argument', async () => {
    const model = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2 });
    const data = blobs(4);
    await expect(model.predict(Array.from(data.x) as never, 4)).rejects.toThrow(/predict: x must be a Float32Array/);
    await expect(model.predict(data.x, -1)).rejects.toThrow(/predict: n must be a non-negative integer, found -1/);
    await expect(model.predict(data.x, 1.5)).rejects.toThrow(/n must be a non-negative integer, found 1.5/);
    await expect(model.predict(data.x, 4, { batchSize: 0 })).rejects.toThrow(
      /predict: batchSize must be a positive integer, found 0/,
    );
    await expect(model.predict(data.x, 4, { batchSize: 1.5 })).rejects.toThrow(/found 1.5/);
    expect(await model.predict(new Float32Array(0), 0)).toEqual(new Float32Array(0));
    await expect(model.evaluate({ ...data, y: [0, 1, 2, 0] })).rejects.toThrow(/evaluate: data\.y\[2\]/);
    await expect(model.evaluate(data, { batchSize: 0 })).rejects.toThrow(/evaluate: batchSize/);
    for (const layer of [-1, 5, 1.5]) {
      await expect(model.activations(data.x, 4, layer)).rejects.toThrow(
        new RegExp(`activations: layer index must be an integer in \\[0, 5\\), found ${layer}`),
      );
    }
    await expect(model.activations(data.x, 3, 0)).rejects.toThrow(/activations: expected x to hold/);
    const last = await model.activations(data.x, 4, 4);
    expect([last.rows, last.cols]).toEqual([4, 2]);
    model.dispose();
  });

  it('refuses bad options, naming each', () => {
    const make = (options: object) => () =>
      new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, ...options });
    expect(make({ inputShape: [] })).toThrow(/inputShape must be a non-empty array of positive integers, found \[\]/);
    expect(make({ inputShape: [2.5] })).toThrow(/inputShape.*found \[2.5\]/);
    expect(make({ inputShape: 2 })).toThrow(/inputShape.*found 2/);
    expect(make({ numClasses: 1 })).toThrow(/numClasses must be an integer >= 2, found 1/);
    expect(make({ numClasses: 2.5 })).toThrow(/numClasses must be an integer >= 2, found 2.5/);
    for (const alpha of [0, Infinity, NaN])
      expect(make({ alpha })).toThrow(`alpha must be a positive number, found ${alpha}`);
    expect(make({ lambdaMode: 'row' })).toThrow(`lambdaMode must be 'batch' or 'example', found "row"`);
    expect(make({ output: 'probabilities' })).toThrow(`output must be 'softmax' or 'logits', found "probabilities"`);
    expect(make({ layers: [[{}, true]] })).toThrow(/layers\[0\] must be a \[tf.layers.Layer, boolean\] pair/);
    expect(make({ layers: [layers.dense({ units: 2 })] })).toThrow(/layers\[0\]/);
    expect(make({ layers: null })).toThrow(/layers must be a non-empty array/);
    const defaults = make({})();
    expect([defaults.alpha, defaults.seed, defaults.lambdaMode]).toEqual([1, 0, 'batch']);
    defaults.dispose();
  });

  it('restores Math.random after seeding the initialisers, and refuses use after dispose', async () => {
    const original = Math.random;
    const model = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2 });
    expect(Math.random).toBe(original);
    model.dispose();
    model.dispose(); // idempotent
    // These throw synchronously (before returning a promise); load is async and rejects.
    expect(() => model.predict(new Float32Array(2), 1)).toThrow(/the model has been disposed/);
    expect(() => model.fit(blobs(2), { epochs: 1, batchSize: 1 })).toThrow(/disposed/);
    expect(() => model.evaluate(blobs(2))).toThrow(/disposed/);
    expect(() => model.activations(new Float32Array(2), 1, 0)).toThrow(/disposed/);
    expect(() => model.save('/nonexistent')).toThrow(/disposed/);
    await expect(model.load('/nonexistent')).rejects.toThrow(/disposed/);
  });
});
