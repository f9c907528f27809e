import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linearModel } from './__fixtures__/linear-model.js';
import { blobs, smallMlp } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { fgsmAccuracy, fgsmExamples } from './fgsm.js';
import { ManifoldMixupModel } from './model.js';

describe('FGSM', () => {
  const models: ManifoldMixupModel[] = [];
  beforeAll(async () => {
    await initBackend('wasm');
  });
  afterAll(() => models.forEach((m) => m.dispose()));

  it('moves each input by ε·sign(∇ₓ loss), the closed form (p − y)·Wᵀ on a linear model', () => {
    const W = [
      [0.5, -1.0],
      [-0.25, 0.75],
      [2.0, 1.0],
    ];
    const b = [0.1, -0.2];
    const model = linearModel(W, b);
    models.push(model);
    const x = Float32Array.from([0.2, 0.4, 0.6, 0.9, 0.1, 0.3, 0.5, 0.5, 0.5]);
    const y = [1, 0, 1];
    const data = { x, y, n: 3, shape: [3], numClasses: 2 };
    const epsilon = 0.1;
    const adversarial = fgsmExamples(model, data, epsilon, { clip: null });
    for (let i = 0; i < 3; i++) {
      const row = Array.from(x.subarray(3 * i, 3 * i + 3));
      const z = [0, 1].map((c) => b[c] + row.reduce((s, v, j) => s + v * W[j][c], 0));
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const p = e.map((v) => v / (e[0] + e[1]));
      for (let j = 0; j < 3; j++) {
        const gradient = (p[0] - (y[i] === 0 ? 1 : 0)) * W[j][0] + (p[1] - (y[i] === 1 ? 1 : 0)) * W[j][1];
        expect(adversarial[3 * i + j]).toBeCloseTo(row[j] + epsilon * Math.sign(gradient), 6);
      }
    }
  });

  it('clips perturbed inputs to the data range', () => {
    const model = linearModel(
      [
        [1, -1],
        [1, -1],
        [1, -1],
      ],
      [0, 0],
    );
    models.push(model);
    // Label 0 with logits favouring class 0: the loss grows by moving every x_j down, so ε = 0.3 from 0.1 clips at 0.
    const data = { x: Float32Array.from([0.1, 0.95, 0.5]), y: [0], n: 1, shape: [3], numClasses: 2 };
    expect(Array.from(fgsmExamples(model, data, 0.3, { clip: [0, 1] }))).toEqual([
      0,
      expect.closeTo(0.65, 6),
      expect.closeTo(0.2, 6),
    ]);
    expect(Array.from(fgsmExamples(model, data, 0.3, { clip: null }))[0]).toBeCloseTo(-0.2, 6);
  });

  it('gives the clean accuracy at ε = 0 and lowers it as ε grows on a trained model', async () => {
    const train = blobs(200, 3);
    const test = blobs(100, 4);
    const model = new ManifoldMixupModel({ layers: smallMlp([]), inputShape: [2], numClasses: 2, seed: 1 });
    models.push(model);
    await model.fit(train, { epochs: 5, batchSize: 20, learningRate: 1e-2 });
    const clean = await model.evaluate(test);
    const points = fgsmAccuracy(model, test, { epsilons: [0, 0.5, 2], clip: null, batchSize: 32 });
    expect(points.map((p) => p.epsilon)).toEqual([0, 0.5, 2]);
    expect(points[0].accuracy).toBe(clean.accuracy);
    expect(clean.accuracy).toBeGreaterThan(0.9);
    expect(points[1].accuracy).toBeLessThan(points[0].accuracy);
    expect(points[2].accuracy).toBeLessThan(points[1].accuracy);
    expect(points.every((p) => p.n === 100)).toBe(true);
  });

  it('leaks no tensors', () => {
    const model = models[0];
    const data = { x: new Float32Array(30), y: new Array(10).fill(1), n: 10, shape: [3], numClasses: 2 };
    const before = tf.memory().numTensors;
    fgsmAccuracy(model, data, { epsilons: [0, 0.1], clip: [0, 1], batchSize: 4 });
    fgsmExamples(model, data, 0.1, { clip: [0, 1], batchSize: 4 });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects bad options, naming the field', () => {
    const model = models[0];
    const data = { x: new Float32Array(3), y: [0], n: 1, shape: [3], numClasses: 2 };
    expect(() => fgsmAccuracy(model, data, { epsilons: [], clip: null })).toThrow(
      /options\.epsilons must be a non-empty/,
    );
    expect(() => fgsmAccuracy(model, data, { epsilons: [0.1, -1], clip: null })).toThrow(
      /options\.epsilons\[1\] must be a finite number >= 0, found -1/,
    );
    expect(() => fgsmAccuracy(model, data, { epsilons: [0.1], clip: [1, 0] })).toThrow(
      /options\.clip must be \[min, max\]/,
    );
    expect(() => fgsmExamples(model, data, NaN, { clip: null })).toThrow(/epsilons\[0\] must be a finite number/);
    expect(() => fgsmAccuracy(model, { ...data, n: 2 }, { epsilons: [0], clip: null })).toThrow(
      /fgsmAccuracy: data\.x/,
    );
  });
});
