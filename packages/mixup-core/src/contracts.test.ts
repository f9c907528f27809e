import * as tf from '@tensorflow/tfjs-core';
import { layers } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { blobs, smallMlp } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { Adam } from './adam.js';
import { SeededRandom } from '@manifold-mixup/random';
import { ManifoldMixupModel, type LayerSpec } from './index.js';
import { recordInputs } from './__fixtures__/observe.js';
import { trainStep } from './training.js';
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
    const p = await model.predict(data.x);
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
    const p = await model.predict(data.x);
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
    await expect(model.predict(Array.from(data.x) as never)).rejects.toThrow(
      new TypeError('predict: x must be a Float32Array or a tf.Tensor, found an array of length 8'),
    );
    await expect(model.predict(data as never)).rejects.toThrow(/pass set\.x, not the set/);
    // The row count comes from x: a partial example is refused, naming the sizes.
    await expect(model.predict(data.x.subarray(0, 7))).rejects.toThrow(
      new RangeError('predict: x must hold whole examples of 2 values (inputShape [2]), found 7 values'),
    );
    await expect(model.predict(tf.zeros([4, 3]))).rejects.toThrow(
      new RangeError('predict: x must be a tensor of shape [rows, 2], found [4, 3]'),
    );
    const fromTensor = tf.tensor2d(data.x, [4, 2]);
    expect(await model.predict(fromTensor)).toEqual(await model.predict(data.x));
    expect((await model.predict(data.x.subarray(0, 6))).length).toBe(3 * 2);
    fromTensor.dispose();
    await expect(model.predict(data.x, { batchSize: 0 })).rejects.toThrow(
      /predict: batchSize must be a positive integer, found 0/,
    );
    await expect(model.predict(data.x, { batchSize: 1.5 })).rejects.toThrow(/found 1.5/);
    expect(await model.predict(new Float32Array(0))).toEqual(new Float32Array(0));
    await expect(model.evaluate({ ...data, y: [0, 1, 2, 0] })).rejects.toThrow(
      new RangeError('evaluate: data.y[2] must be a class index in [0, 2), found 2'),
    );
    await expect(model.evaluate({ ...data, y: [0, 1, '1', 0] as never })).rejects.toThrow(TypeError);
    await expect(model.evaluate(data, { batchSize: 0 })).rejects.toThrow(/evaluate: batchSize/);
    for (const layer of [-1, 5, 1.5]) {
      await expect(model.activations(data.x, layer)).rejects.toThrow(
        new RangeError(`activations: layer index must be an integer in [0, 5), found ${layer}`),
      );
    }
    await expect(model.activations(data.x, null as never)).rejects.toThrow(
      new TypeError('activations: layer must be a layer index or a layer name, found null'),
    );
    await expect(model.activations(data.x.subarray(0, 3), 0)).rejects.toThrow(
      /activations: x must hold whole examples/,
    );
    const last = await model.activations(data.x, 4);
    expect([last.rows, last.cols]).toEqual([4, 2]);
    model.dispose();
  });

  it('refuses bad options, naming each', () => {
    const make = (options: object) => () =>
      new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, ...options });
    expect(make({ inputShape: [] })).toThrow(
      new RangeError('ManifoldMixupModel: inputShape must be a non-empty array of positive integers, found []'),
    );
    expect(make({ inputShape: [2.5] })).toThrow(/inputShape.*found \[2.5\]/);
    expect(make({ inputShape: 2 })).toThrow(TypeError);
    expect(make({ inputShape: 2 })).toThrow(/inputShape.*found 2/);
    expect(make({ numClasses: 1 })).toThrow(/numClasses must be an integer >= 2, found 1/);
    expect(make({ numClasses: 2.5 })).toThrow(
      new RangeError('ManifoldMixupModel: numClasses must be an integer >= 2, found 2.5'),
    );
    expect(make({ numClasses: '3' })).toThrow(TypeError);
    for (const alpha of [-1, Infinity, NaN])
      expect(make({ alpha })).toThrow(`alpha must be a finite number >= 0 (0: no mixing), found ${alpha}`);
    expect(make({ optimizer: 'rmsprop' })).toThrow(
      new RangeError(`ManifoldMixupModel: optimizer must be a tf.Optimizer, 'adam' or 'sgd', found "rmsprop"`),
    );
    expect(make({ optimizer: {} })).toThrow(TypeError);
    expect(make({ lambdaMode: 'row' })).toThrow(
      new RangeError(`ManifoldMixupModel: lambdaMode must be 'batch' or 'example', found "row"`),
    );
    expect(make({ lambdaMode: 1 })).toThrow(
      new TypeError(`ManifoldMixupModel: lambdaMode must be 'batch' or 'example', found 1`),
    );
    expect(make({ output: 'probabilities' })).toThrow(`output must be 'softmax' or 'logits', found "probabilities"`);
    expect(make({ layers: [[{}, true]] })).toThrow(
      new TypeError('ManifoldMixupModel: layers[0] must be a [tf.layers.Layer, boolean] pair, found an array'),
    );
    expect(make({ layers: [layers.dense({ units: 2 })] })).toThrow(/layers\[0\]/);
    expect(make({ layers: null })).toThrow(TypeError);
    expect(make({ layers: null })).toThrow(/layers must be a non-empty array/);
    expect(make({ layers: [] })).toThrow(
      new RangeError(
        'ManifoldMixupModel: layers must be a non-empty array of [layer, eligible] pairs, found an array of length 0',
      ),
    );
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
    expect(() => model.predict(new Float32Array(2))).toThrow(/the model has been disposed/);
    expect(() => model.fit(blobs(2), { epochs: 1, batchSize: 1 })).toThrow(/disposed/);
    expect(() => model.evaluate(blobs(2))).toThrow(/disposed/);
    expect(() => model.activations(new Float32Array(2), 0)).toThrow(/disposed/);
    expect(() => model.save('/nonexistent')).toThrow(/disposed/);
    await expect(model.load('/nonexistent')).rejects.toThrow(/disposed/);
  });

  it('refuses bad fit options, naming each, and trains zero epochs to an empty history', async () => {
    const model = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2 });
    const train = blobs(8);
    const fit = (options: object) => model.fit(train, { epochs: 1, batchSize: 4, ...options });
    for (const epochs of [-1, 1.5]) {
      await expect(fit({ epochs })).rejects.toThrow(
        `fit: options.epochs must be a non-negative integer, found ${epochs}`,
      );
    }
    await expect(fit({ batchSize: 2.5 })).rejects.toThrow(
      'fit: options.batchSize must be a positive integer, found 2.5',
    );
    for (const learningRate of [0, -1, NaN, Infinity]) {
      await expect(fit({ learningRate })).rejects.toThrow(
        `fit: options.learningRate must be a finite positive number, found ${learningRate}`,
      );
    }
    for (const lrSchedule of [
      { every: 0, factor: 0.5 },
      { every: 1.5, factor: 0.5 },
      { every: 2, factor: 0 },
    ]) {
      await expect(fit({ lrSchedule })).rejects.toThrow(`found ${JSON.stringify(lrSchedule)}`);
    }
    await expect(fit({ validation: { ...train, n: 0 } })).rejects.toThrow(/fit: options\.validation\.n/);
    const history = await fit({ epochs: 0 });
    expect(history.epochs).toEqual([]);
    expect(history.resumedEpochs).toBeUndefined();
    expect('resumedEpochs' in (await fit({}))).toBe(false);
    model.dispose();
  });

  it('accepts the smallest valid batch size, layer index and schedule period', async () => {
    const model = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, output: 'logits' });
    const data = blobs(3);
    expect((await model.predict(data.x, { batchSize: 1 })).length).toBe(6);
    const first = await model.activations(data.x, 0);
    expect([first.rows, first.cols]).toEqual([3, 16]);
    expect((await model.activations(data.x, model.layers[0].name)).values).toEqual(first.values);
    expect(await model.activations(new Float32Array(0), 1)).toEqual({
      values: new Float32Array(0),
      rows: 0,
      cols: 0,
    });
    await expect(model.activations(data.x, 'nope')).rejects.toThrow(
      new RangeError(
        `activations: layer must name a layer (${model.layers.map((l) => l.name).join(', ')}), found "nope"`,
      ),
    );
    const history = await model.fit(data, { epochs: 2, batchSize: 1, lrSchedule: { every: 1, factor: 0.5 } });
    expect(history.epochs.map((e) => [e.epoch, e.learningRate])).toEqual([
      [1, 1e-3],
      [2, 5e-4],
    ]);
    model.dispose();
  });

  it('names the row of a non-finite input, and the step whose loss is not finite', async () => {
    const model = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2 });
    const bad = blobs(4);
    bad.x[3] = Number.NaN;
    await expect(model.fit(bad, { epochs: 1, batchSize: 4 })).rejects.toThrow(
      new RangeError('fit: train.x must hold finite numbers, found NaN at row 1, feature 1'),
    );
    // Finite data whose activations overflow (a first layer of weights 1e20): the loss guard names the step.
    bad.x[3] = 1e20;
    model.layers[0].setWeights([tf.fill([2, 16], 1e20), tf.zeros([16])]);
    await expect(model.fit(bad, { epochs: 1, batchSize: 4 })).rejects.toThrow(
      /loss became (NaN|-?Infinity) at epoch 1, step 1 of 1 \(learning rate 0.001\)/,
    );
    model.dispose();
  });

  it('runs dropout in training steps only: predict, evaluate and activations run in inference mode', async () => {
    const specs: LayerSpec[] = [
      [layers.dense({ units: 32, activation: 'tanh' }), false],
      [layers.dropout({ rate: 0.5 }), false],
      [layers.dense({ units: 2 }), false],
    ];
    const model = new ManifoldMixupModel({ layers: specs, inputShape: [2], numClasses: 2, seed: 1 });
    const seen = recordInputs(model);
    const data = blobs(16);
    const x = tf.tensor2d(data.x, [16, 2]);
    const y = tf.tensor2d(
      Array.from(data.y).flatMap((c) => (c === 0 ? [1, 0] : [0, 1])),
      [16, 2],
    );
    trainStep({ model, x, y, rng: new SeededRandom(1), learningRate: 0 }).dispose();
    const zeros = seen[2]!.filter((v) => v === 0).length;
    expect(zeros).toBeGreaterThan(16 * 32 * 0.3); // about half dropped
    const logits = tf.tidy(() => model.forward(x, false).dataSync());
    const probs = tf.tidy(() => tf.softmax(tf.tensor2d(logits, [16, 2])).dataSync());
    const p = await model.predict(data.x);
    p.forEach((v, i) => expect(v).toBeCloseTo(probs[i], 6));
    const nll = -Array.from({ length: 16 }, (_, r) => Math.log(probs[2 * r + data.y[r]])).reduce((a, b) => a + b) / 16;
    expect((await model.evaluate(data)).nll).toBeCloseTo(nll, 5);
    const hidden = tf.tidy(() => model.forward(x, false, undefined, 2).dataSync());
    const codes = await model.activations(data.x, 1);
    codes.values.forEach((v, i) => expect(v).toBeCloseTo(hidden[i], 6));
    tf.dispose([x, y]);
    model.dispose();
  });

  it('trains every weight when the first layer with weights is not a Dense layer', () => {
    const model = new ManifoldMixupModel({
      layers: [[layers.layerNormalization(), false], ...smallMlp([2])],
      inputShape: [2],
      numClasses: 2,
      seed: 2,
    });
    const before = model.trainableVariables.map((v) => Array.from(v.dataSync()));
    const data = blobs(8);
    const x = tf.tensor2d(data.x, [8, 2]);
    const y = tf.tensor2d(
      Array.from(data.y).flatMap((c) => (c === 0 ? [1, 0] : [0, 1])),
      [8, 2],
    );
    trainStep({ model, x, y, rng: new SeededRandom(3), learningRate: 0.01 }).dispose();
    model.trainableVariables.forEach((v, i) => expect(Array.from(v.dataSync()), v.name).not.toEqual(before[i]));
    tf.dispose([x, y]);
    model.dispose();
  });

  it('trains a single softmax Dense layer (logistic regression) without altering the layer', async () => {
    const layer = layers.dense({ units: 2, activation: 'softmax' });
    const model = new ManifoldMixupModel({ layers: [[layer, true]], inputShape: [2], numClasses: 2, seed: 1 });
    expect(model.logitsSource).toBe('softmax-activation-removed');
    // Logits only inside our forward pass: the layer itself still outputs probabilities.
    expect((layer.getConfig() as { activation: string }).activation).toBe('softmax');
    const own = tf.tidy(() => layer.apply(tf.tensor2d([[3, -1]])) as tf.Tensor);
    expect(Array.from(own.dataSync()).reduce((a, b) => a + b)).toBeCloseTo(1, 6);
    own.dispose();
    const history = await model.fit(blobs(40), { epochs: 3, batchSize: 10, learningRate: 0.05 });
    expect(history.epochs.every((e) => Number.isFinite(e.loss))).toBe(true);
    expect((await model.evaluate(blobs(40, 2))).accuracy).toBeGreaterThan(0.8);
    model.dispose();
  });

  it('skips the input gradient of a Dense first layer in training (one matmul fewer)', async () => {
    const model = new ManifoldMixupModel({ layers: smallMlp([]), inputShape: [2], numClasses: 2 });
    const x = tf.randomNormal([4, 2], 0, 1, 'float32', 1);
    const info = await tf.profile(() => {
      const { value, grads } = tf.variableGrads(() => tf.sum(model.forward(x, true)) as tf.Scalar);
      return [value, ...Object.values(grads)];
    });
    tf.dispose(info.result as tf.Tensor[]);
    // 3 dense layers: 3 forward + 3 dW + 2 dx (none for the first).
    expect(info.kernels.filter((k) => k.name === 'BatchMatMul' || k.name === '_FusedMatMul')).toHaveLength(8);
    x.dispose();
    model.dispose();
  });

  it('refuses a zero dimension, a missing layer and a rank-3 output, naming them', () => {
    const make = (options: object) => () =>
      new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, ...options });
    expect(make({ inputShape: [2, 0] })).toThrow(/inputShape.*found \[2,0\]/);
    expect(make({ layers: [[null, true]] })).toThrow(/layers\[0\] must be a \[tf.layers.Layer, boolean\] pair/);
    expect(make({ layers: [[layers.dense({ units: 2 }), false]], inputShape: [2, 4] })).toThrow(
      /output \[batch, numClasses=2\], found \[1, 2, 2\]/,
    );
  });

  it("keeps Adam's moments out of the trainable variables", () => {
    const w = tf.variable(tf.zeros([2]));
    const adam = new Adam([w]);
    expect([...adam.firstMoments, ...adam.secondMoments].every((m) => !m.trainable)).toBe(true);
    adam.dispose();
    w.dispose();
  });
});
