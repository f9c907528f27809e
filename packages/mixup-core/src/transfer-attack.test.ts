import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linearModel } from './__fixtures__/linear-model.js';
import { blobs, smallMlp } from './__fixtures__/synthetic.js';
import { adversarialAccuracy } from './adversarial-accuracy.js';
import { adversarialExamples } from './adversarial-examples.js';
import { initBackend } from './backend.js';
import { ManifoldMixupModel } from './model.js';
import { transferAttack } from './transfer-attack.js';

// Two linear models with the same decision boundary x0 + x1 = 0; `saturated` has logits 500 times larger.
const W = [
  [1, -1],
  [1, -1],
];
const scaled = (factor: number) =>
  linearModel(
    W.map((row) => row.map((w) => w * factor)),
    [0, 0],
  );

describe.each(['cpu', 'wasm'] as const)('transferAttack on %s', (backend) => {
  const models: ManifoldMixupModel[] = [];
  beforeAll(async () => {
    await initBackend(backend);
  });
  afterAll(() => models.forEach((m) => m.dispose()));

  it('exposes a masked gradient: cross-entropy examples from a plain model fool its saturated twin', () => {
    const plain = scaled(1);
    const saturated = scaled(500);
    models.push(plain, saturated);
    // Class 0 when x0 + x1 > 0; every point at distance 0.5 (L∞) from the boundary.
    const data = {
      x: Float32Array.from([0.5, 0.5, -0.5, -0.5, 1, 0, 0, -1]),
      y: [0, 1, 0, 1],
      n: 4,
      shape: [2],
      numClasses: 2,
    };
    const options = { attack: 'fgsm', loss: 'cross-entropy', epsilons: [0.75], clip: null } as const;
    const whiteBox = adversarialAccuracy(saturated, data, options)[0];
    expect(whiteBox.accuracy).toBe(1);
    expect(whiteBox.zeroGradientShare.crossEntropy).toBe(1);
    expect(transferAttack(plain, saturated, data, options)).toEqual([
      { epsilon: 0.75, targetAccuracy: 0, sourceAccuracy: 0, n: 4 },
    ]);
  });

  it("gives the target's accuracy on the source's adversarial examples, and the source's white-box accuracy", async () => {
    const test = blobs(60, 4);
    const train = blobs(200, 3);
    const [a, b] = [1, 2].map(
      (seed) => new ManifoldMixupModel({ layers: smallMlp([]), inputShape: [2], numClasses: 2, seed }),
    );
    models.push(a, b);
    await a.fit(train, { epochs: 3, batchSize: 20, learningRate: 1e-2 });
    await b.fit(train, { epochs: 3, batchSize: 20, learningRate: 1e-2, seed: 7 });
    const options = {
      attack: 'pgd',
      loss: 'margin',
      epsilons: [0.3, 1],
      steps: 4,
      seed: 5,
      clip: null,
      batchSize: 25,
    } as const;
    const points = transferAttack(a, b, test, options);
    const crafted = adversarialExamples(a, test, options);
    const whiteBox = adversarialAccuracy(a, test, options);
    for (const [e, point] of points.entries()) {
      expect(point.targetAccuracy).toBe((await b.evaluate({ ...test, x: crafted[e] })).accuracy);
      expect(point.sourceAccuracy).toBe(whiteBox[e].accuracy);
      expect(point.n).toBe(60);
    }
    const before = tf.memory().numTensors;
    transferAttack(b, a, test, options);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a target with other inputs or classes, naming both', () => {
    const three = linearModel([[1, 0, -1]], [0, 0, 0]);
    models.push(three);
    const data = { x: Float32Array.from([1]), y: [0], n: 1, shape: [1], numClasses: 3 };
    const two = linearModel([[1, -1]], [0, 0]);
    models.push(two);
    expect(() =>
      transferAttack(three, two, data, { attack: 'fgsm', loss: 'margin', epsilons: [0.1], clip: null }),
    ).toThrow(
      new RangeError(
        "transferAttack: target must take the source's inputs and classes (inputShape [1], 3 classes), found inputShape [1], 2 classes",
      ),
    );
  });
});
