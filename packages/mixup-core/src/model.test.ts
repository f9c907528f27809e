import * as tf from '@tensorflow/tfjs-core';
import { layers } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '@manifold-mixup/random';
import { blobs, smallMlp } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { ManifoldMixupModel } from './model.js';
import { softCrossEntropy } from './output-head.js';
import { trainStep } from './training.js';

const weightsOf = (model: ManifoldMixupModel) => model.weights.map((w) => Array.from(w.variable.dataSync()));

describe('ManifoldMixupModel', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('initialises weights from its seed', () => {
    const a = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 3 });
    const b = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 3 });
    const c = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 4 });
    expect(weightsOf(a)).toEqual(weightsOf(b));
    expect(weightsOf(a)).not.toEqual(weightsOf(c));
    expect(a.eligibleLayers).toEqual([2, 4]);
    for (const m of [a, b, c]) m.dispose();
  });

  it('finds the logits behind a softmax activation, a softmax layer, or a linear layer', () => {
    const dense = new ManifoldMixupModel({ layers: smallMlp([], 'softmax'), inputShape: [2], numClasses: 2 });
    expect(dense.logitsSource).toBe('softmax-activation-removed');
    const linear = new ManifoldMixupModel({ layers: smallMlp([], 'linear'), inputShape: [2], numClasses: 2 });
    expect(linear.logitsSource).toBe('logits');
    const declared = new ManifoldMixupModel({
      layers: smallMlp([], 'linear'),
      inputShape: [2],
      numClasses: 2,
      output: 'softmax',
    });
    expect(declared.logitsSource).toBe('probabilities');
    const separate = new ManifoldMixupModel({
      layers: [...smallMlp([], 'linear'), [layers.softmax(), false]],
      inputShape: [2],
      numClasses: 2,
    });
    expect(separate.logitsSource).toBe('softmax-layer-skipped');
    expect(separate.networkDepth).toBe(5);
    for (const m of [dense, linear, declared, separate]) m.dispose();
  });

  it('rejects bad options, naming the field and the value found', () => {
    expect(() => new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 3 })).toThrow(
      /numClasses=3.*found \[1, 2\]/,
    );
    expect(() => new ManifoldMixupModel({ layers: [], inputShape: [2], numClasses: 2 })).toThrow(
      /layers must be a non-empty array/,
    );
    expect(() => new ManifoldMixupModel({ layers: smallMlp(), inputShape: [0], numClasses: 2 })).toThrow(
      /inputShape.*found \[0\]/,
    );
    expect(() => new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, alpha: -1 })).toThrow(
      /alpha.*found -1/,
    );
    expect(
      () =>
        new ManifoldMixupModel({
          layers: [[layers.dense({ units: 2 }), 'yes' as never]],
          inputShape: [2],
          numClasses: 2,
        }),
    ).toThrow(/layers\[0\]/);
  });

  it("says which layer does not fit the input shape, instead of tfjs' ValueError", () => {
    const conv = () =>
      new ManifoldMixupModel({
        layers: [
          [layers.conv2d({ filters: 2, kernelSize: 3 }), false],
          [layers.flatten(), false],
          [layers.dense({ units: 2 }), false],
        ],
        inputShape: [784],
        numClasses: 2,
      });
    // The layers and inputShape disagree: a RangeError, tfjs' error kept as its cause.
    expect(conv).toThrow(RangeError);
    expect(conv).toThrow(
      /^ManifoldMixupModel: inputShape \[784\] does not fit layers\[0\] \(conv2d_Conv2D\d+\): .*expected ndim=4, found ndim=2/,
    );
    const declared = () =>
      new ManifoldMixupModel({
        layers: [[layers.dense({ units: 2, inputShape: [3] }), false]],
        inputShape: [2],
        numClasses: 2,
      });
    expect(declared).toThrow(RangeError);
    expect(declared).toThrow(
      /^ManifoldMixupModel: inputShape must fit layers\[0\] \(dense_Dense\d+\), which was created with inputShape \[3\], found \[2\]$/,
    );
    const built = layers.dense({ units: 2 });
    built.apply(tf.zeros([1, 7]));
    const second = () =>
      new ManifoldMixupModel({
        layers: [
          [layers.dense({ units: 4 }), false],
          [built, false],
        ],
        inputShape: [2],
        numClasses: 2,
      });
    expect(second).toThrow(
      /^ManifoldMixupModel: layers\[1\] \(dense_Dense\d+\) does not accept the output of layers\[0\], shape \[4\] per example: .*expected axis -1 of input shape to have value 7/,
    );
  });

  it('rejects a data set without a shape in evaluate, and a whole set given to predict', async () => {
    const model = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 2 });
    const { shape: _shape, ...withoutShape } = blobs(4);
    await expect(model.evaluate(withoutShape as never)).rejects.toThrow(
      new TypeError(
        'evaluate: data.shape must be the per-example feature shape, an array of positive integers, found undefined',
      ),
    );
    await expect(model.predict(blobs(4) as never)).rejects.toThrow(
      new TypeError('predict: x must be a Float32Array or a tf.Tensor (pass set.x, not the set), found object'),
    );
    model.dispose();
  });

  it('computes the soft-target cross-entropy stably from logits', () => {
    const logits = tf.tensor2d([
      [1000, 0],
      [0, 2],
    ]);
    const targets = tf.tensor2d([
      [0.25, 0.75],
      [1, 0],
    ]);
    const loss = softCrossEntropy(logits, targets, 'logits').dataSync()[0];
    const row2 = Math.log(1 + Math.exp(2));
    expect(loss).toBeCloseTo((0.75 * 1000 + row2) / 2, 3);
    const probs = softCrossEntropy(tf.tensor2d([[0.5, 0.5]]), tf.tensor2d([[1, 0]]), 'probabilities').dataSync()[0];
    expect(probs).toBeCloseTo(Math.log(2), 5);
  });

  it('lets gradients flow through the layers before the mixed layer', () => {
    const model = new ManifoldMixupModel({ layers: smallMlp([4]), inputShape: [2], numClasses: 2, seed: 1 });
    const before = weightsOf(model);
    const data = blobs(8);
    const x = tf.tensor2d(data.x, [8, 2]);
    const y = tf.oneHot(tf.tensor1d(data.y, 'int32'), 2);
    trainStep({ model, x, y, rng: new SeededRandom(1), learningRate: 0.01 }).dispose();
    const after = weightsOf(model);
    after.forEach((w, i) => expect(w, `weight ${i}`).not.toEqual(before[i]));
    tf.dispose([x, y]);
    model.dispose();
  });

  it('predicts probabilities batch by batch, independent of the batch size', async () => {
    const model = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 2 });
    const data = blobs(25);
    const p1 = await model.predict(data.x, { batchSize: 7 });
    const p2 = await model.predict(data.x);
    expect(p1.length).toBe(50);
    for (let i = 0; i < 50; i++) expect(p1[i]).toBeCloseTo(p2[i], 6);
    for (let r = 0; r < 25; r++) expect(p1[2 * r] + p1[2 * r + 1]).toBeCloseTo(1, 5);
    await expect(model.predict(data.x.subarray(1))).rejects.toThrow(/whole examples of 2 values .* found 49 values/);
    model.dispose();
  });

  it('returns activations after any layer, by index or by name', async () => {
    const specs = smallMlp();
    const model = new ManifoldMixupModel({ layers: specs, inputShape: [2], numClasses: 2, seed: 2 });
    const data = blobs(9);
    const byIndex = await model.activations(data.x, 1, { batchSize: 4 });
    const byName = await model.activations(data.x, specs[1][0].name);
    expect(byIndex.rows).toBe(9);
    expect(byIndex.cols).toBe(16);
    expect(byName.values).toEqual(byIndex.values);
    const expected = tf.tidy(() => model.forward(tf.tensor2d(data.x, [9, 2]), false, undefined, 2).dataSync());
    for (let i = 0; i < expected.length; i++) expect(byIndex.values[i]).toBeCloseTo(expected[i], 5);
    await expect(model.activations(data.x, 'nope')).rejects.toThrow(/layer must name a layer \(.*\), found "nope"/);
    model.dispose();
  });

  it('evaluates accuracy, NLL and ECE consistently with its predictions', async () => {
    const model = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 5 });
    const data = blobs(40);
    const p = await model.predict(data.x);
    let correct = 0;
    let nll = 0;
    for (let r = 0; r < data.n; r++) {
      const guess = p[2 * r + 1] > p[2 * r] ? 1 : 0;
      correct += guess === data.y[r] ? 1 : 0;
      nll -= Math.log(p[2 * r + data.y[r]]);
    }
    const metrics = await model.evaluate(data, { batchSize: 16 });
    expect(metrics.n).toBe(40);
    expect(metrics.accuracy).toBeCloseTo(correct / 40, 6);
    expect(metrics.nll).toBeCloseTo(nll / 40, 4);
    // ECE over 15 equal-width confidence bins: sum over bins of |hits - summed confidence| / n.
    const hits = new Float64Array(15);
    const confidence = new Float64Array(15);
    for (let r = 0; r < data.n; r++) {
      const top = Math.max(p[2 * r], p[2 * r + 1]);
      const bin = Math.min(14, Math.floor(top * 15));
      hits[bin] += (p[2 * r + 1] > p[2 * r] ? 1 : 0) === data.y[r] ? 1 : 0;
      confidence[bin] += top;
    }
    const ece = hits.reduce((sum, h, b) => sum + Math.abs(h - confidence[b]), 0) / data.n;
    expect(metrics.ece).toBeCloseTo(ece, 4);
    model.dispose();
  });

  it('learns two blobs with manifold mixup', async () => {
    const model = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 1, alpha: 1 });
    const train = blobs(200, 1);
    const test = blobs(100, 2);
    const history = await model.fit(train, { epochs: 8, batchSize: 20, learningRate: 1e-2 });
    expect(history.backend).toBe('wasm');
    expect(history.epochs[7].loss).toBeLessThan(history.epochs[0].loss);
    expect((await model.evaluate(test)).accuracy).toBeGreaterThan(0.9);
    model.dispose();
  });
});
