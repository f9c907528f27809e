import * as tf from '@tensorflow/tfjs-core';
import { layers } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { blobs, smallMlp } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { ManifoldMixupModel } from './model.js';

// fit checks its data in one pass before training: a bad value is named by row and feature, labels
// against the model's classes, and evaluate refuses what fit refuses.
const model2 = () => new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 1 });

describe("fit's data, checked before training", () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('names the row and feature of a NaN or Infinity in x, whatever form x takes', async () => {
    const model = model2();
    const x = blobs(6).x.slice();
    x[2 * 4 + 1] = Number.NaN;
    const y = [0, 1, 0, 1, 0, 1];
    const expected = new RangeError('fit: x must hold finite numbers, found NaN at row 4, feature 1');
    await expect(model.fit(x, y)).rejects.toThrow(expected);
    await expect(model.fit(tf.tensor2d(x, [6, 2]), tf.tensor1d(y))).rejects.toThrow(expected);
    await expect(model.fit({ ...blobs(6), x })).rejects.toThrow(
      new RangeError('fit: train.x must hold finite numbers, found NaN at row 4, feature 1'),
    );
    x[2 * 4 + 1] = 0;
    await expect(
      model.fit(x, y, { validationData: [Float32Array.of(1, 2, Number.NEGATIVE_INFINITY, 0), [0, 1]] }),
    ).rejects.toThrow(
      new RangeError('fit: options.validationData[0] must hold finite numbers, found -Infinity at row 1, feature 0'),
    );
    await expect(
      model.evaluate({ ...blobs(6), x: Float32Array.of(1, 2, 3, 4, 5, Infinity, 0, 0, 0, 0, 0, 0) }),
    ).rejects.toThrow(new RangeError('evaluate: data.x must hold finite numbers, found Infinity at row 2, feature 1'));
    model.dispose();
  });

  it('gives the coordinates inside an example of more than one axis', async () => {
    const model = new ManifoldMixupModel({
      layers: [
        [layers.flatten(), false],
        [layers.dense({ units: 3, activation: 'softmax' }), true],
      ],
      inputShape: [2, 3],
      numClasses: 3,
    });
    const x = new Float32Array(2 * 6);
    x[6 + 5] = Number.NaN;
    await expect(model.fit(tf.tensor3d(x, [2, 2, 3]), [0, 2])).rejects.toThrow(
      new RangeError('fit: x must hold finite numbers, found NaN at row 1, feature 5 ([1, 2] of [2, 3])'),
    );
    model.dispose();
  });

  it("checks labels against the model's classes: indices in range, one-hot rows, the class count", async () => {
    const model = model2();
    const x = blobs(4).x;
    await expect(model.fit(x, [0, 1, 2, 0])).rejects.toThrow(
      new RangeError('fit: y[2] must be a class index in [0, 2), found 2'),
    );
    await expect(model.fit(x, tf.tensor2d([1, 0, 0, 1, 0.5, 0.5, 1, 0], [4, 2]))).rejects.toThrow(
      new RangeError('fit: y must hold one-hot rows (a single 1, zeros elsewhere), found [0.5, 0.5] at row 2'),
    );
    await expect(model.fit(x, tf.oneHot(tf.tensor1d([0, 1, 2, 0], 'int32'), 3))).rejects.toThrow(
      new RangeError(
        'fit: y must hold class indices [4] or one-hot rows [4, 2] (numClasses = 2), one per example, found shape [4, 3]',
      ),
    );
    await expect(model.fit(x, [0, 1, 0])).rejects.toThrow(/found 3 values$/);
    await expect(model.fit(x.subarray(1), [0, 1, 0, 1])).rejects.toThrow(
      new RangeError('fit: x must hold whole examples of 2 values (inputShape [2]), found 7 values'),
    );
    await expect(model.fit(tf.ones([4, 3]), [0, 1, 0, 1])).rejects.toThrow(
      new RangeError("fit: x must be a tensor of shape [rows, 2] (the model's inputShape), found [4, 3]"),
    );
    await expect(model.fit([[1, 2]] as never, [0])).rejects.toThrow(TypeError);
    await expect(model.fit({ ...blobs(4), numClasses: 3 })).rejects.toThrow(
      new RangeError("fit: train.numClasses must be the model's numClasses, 2, found 3"),
    );
    await expect(model.fit({ ...blobs(4), x: tf.ones([4, 2]) } as never)).rejects.toThrow(
      /^fit: train\.x must be a Float32Array \(for tensors, call fit\(x, y, options\)\)/,
    );
    model.dispose();
  });
});
