import * as tf from '@tensorflow/tfjs-core';
import { layers } from '@tensorflow/tfjs-layers';
import { mulberry32 } from '@manifold-mixup/random';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linearModel } from './__fixtures__/linear-model.js';
import { blobs, smallMlp } from './__fixtures__/synthetic.js';
import { adversarialAccuracy } from './adversarial-accuracy.js';
import { adversarialExamples } from './adversarial-examples.js';
import { initBackend } from './backend.js';
import { fgsmAccuracy, fgsmExamples } from './fgsm.js';
import { ManifoldMixupModel } from './model.js';

/** `n` points in [0, 1]^4, labelled by which of two corners is nearer, for attacks clipped to [0, 1]. */
function unitCube(n: number, seed: number) {
  const rng = mulberry32(seed);
  const x = Float32Array.from({ length: n * 4 }, () => rng());
  const y = Int32Array.from({ length: n }, (_, i) => (x[4 * i] + x[4 * i + 1] > x[4 * i + 2] + x[4 * i + 3] ? 1 : 0));
  return { x, y, n, shape: [4], numClasses: 2 };
}

const cubeModel = () =>
  new ManifoldMixupModel({
    layers: [
      [layers.dense({ units: 12, activation: 'tanh' }), false],
      [layers.dense({ units: 2, activation: 'softmax' }), false],
    ],
    inputShape: [4],
    numClasses: 2,
    seed: 5,
  });

describe.each(['cpu', 'wasm'] as const)('adversarialAccuracy on %s', (backend) => {
  const models: ManifoldMixupModel[] = [];
  let trained: ManifoldMixupModel;
  const test = blobs(100, 4);
  beforeAll(async () => {
    await initBackend(backend);
    trained = new ManifoldMixupModel({ layers: smallMlp([]), inputShape: [2], numClasses: 2, seed: 1 });
    models.push(trained);
    await trained.fit(blobs(200, 3), { epochs: 5, batchSize: 20, learningRate: 1e-2 });
  });
  afterAll(() => models.forEach((m) => m.dispose()));

  it('fools a saturated model with the margin loss where cross-entropy FGSM is masked, and reports the zero gradients', () => {
    const model = linearModel(
      [
        [100, -100],
        [100, -100],
        [100, -100],
      ],
      [0, 0],
    );
    models.push(model);
    // Row 0: logits (300, −300), saturated. Row 1: logits (0.2, −0.2). Both labelled 0, both correct.
    const data = { x: Float32Array.from([1, 1, 1, 0.001, 0, 0.001]), y: [0, 0], n: 2, shape: [3], numClasses: 2 };
    const margin = adversarialAccuracy(model, data, { attack: 'fgsm', loss: 'margin', epsilons: [0, 2], clip: null });
    const crossEntropy = adversarialAccuracy(model, data, {
      attack: 'fgsm',
      loss: 'cross-entropy',
      epsilons: [0, 2],
      clip: null,
    });
    const shares = { margin: 0, crossEntropy: 0.5 };
    expect(margin).toEqual([
      { epsilon: 0, accuracy: 1, n: 2, zeroGradientShare: shares },
      { epsilon: 2, accuracy: 0, n: 2, zeroGradientShare: shares },
    ]);
    // The saturated row's gradient is zero: cross-entropy FGSM leaves it where it was.
    expect(crossEntropy.map((p) => p.accuracy)).toEqual([1, 0.5]);
    expect(crossEntropy[1].zeroGradientShare).toEqual(shares);
    const pgd = adversarialAccuracy(model, data, {
      attack: 'pgd',
      loss: 'cross-entropy',
      epsilons: [2],
      seed: 1,
      clip: null,
      randomStart: false,
    });
    expect(pgd[0].accuracy).toBe(0.5);
  });

  it('moves FGSM-margin examples to x − ε·sign(W_y − W_j*), the closed form on a linear model', () => {
    const W = [
      [0.5, -1.0, 0.2],
      [-0.25, 0.75, 0.1],
      [2.0, 1.0, -0.5],
    ];
    const b = [0.1, -0.2, 0.3];
    const model = linearModel(W, b);
    models.push(model);
    const x = Float32Array.from([0.2, 0.4, 0.6, 0.9, 0.1, 0.3, 0.5, 0.5, 0.5]);
    const y = [1, 0, 2];
    const data = { x, y, n: 3, shape: [3], numClasses: 3 };
    const [adversarial] = adversarialExamples(model, data, {
      attack: 'fgsm',
      loss: 'margin',
      epsilons: [0.1],
      clip: null,
    });
    for (let i = 0; i < 3; i++) {
      const row = Array.from(x.subarray(3 * i, 3 * i + 3));
      const z = [0, 1, 2].map((c) => b[c] + row.reduce((s, v, j) => s + v * W[j][c], 0));
      const rival = [0, 1, 2]
        .filter((c) => c !== y[i])
        .reduce((best, c) => (z[c] > z[best] ? c : best), y[i] === 0 ? 1 : 0);
      for (let j = 0; j < 3; j++)
        expect(adversarial[3 * i + j]).toBeCloseTo(row[j] - 0.1 * Math.sign(W[j][y[i]] - W[j][rival]), 6);
    }
  });

  it("with cross-entropy, FGSM is fgsmAccuracy's attack, but with an exact sign on wasm", () => {
    const options = { epsilons: [0, 0.3, 1], clip: [-2, 2] as const, batchSize: 32 };
    const examples = adversarialExamples(trained, test, { attack: 'fgsm', loss: 'cross-entropy', ...options });
    examples.forEach((ours, e) => {
      const stock = fgsmExamples(trained, test, options.epsilons[e], { clip: options.clip, batchSize: 32 });
      if (backend === 'cpu') expect(ours).toEqual(stock);
      // On wasm, tf.sign reads |g| < 1.19e-7 as 0: fgsmExamples leaves those components where they were.
      else stock.forEach((v, j) => v !== ours[j] && expect(v).toBe(Math.min(2, Math.max(-2, test.x[j]))));
    });
    if (backend === 'cpu') {
      const points = adversarialAccuracy(trained, test, { attack: 'fgsm', loss: 'cross-entropy', ...options });
      expect(points.map(({ epsilon, accuracy, n }) => ({ epsilon, accuracy, n }))).toEqual(
        fgsmAccuracy(trained, test, options),
      );
    }
  });

  it('moves an input whose gradient is tiny (|g| = 2e-9) by the full ε on every backend', () => {
    const model = linearModel(
      [
        [1e-9, -1e-9],
        [-1e-9, 1e-9],
      ],
      [0, 0],
    );
    models.push(model);
    const data = { x: Float32Array.from([0.5, 0.25]), y: [0], n: 1, shape: [2], numClasses: 2 };
    const moved = [Math.fround(0.5 + Math.fround(-0.1)), Math.fround(0.25 + Math.fround(0.1))];
    for (const loss of ['margin', 'cross-entropy'] as const) {
      const [examples] = adversarialExamples(model, data, { attack: 'fgsm', loss, epsilons: [0.1], clip: null });
      expect(Array.from(examples)).toEqual(moved);
    }
    const stock = fgsmExamples(model, data, 0.1, { clip: null });
    expect(Array.from(stock)).toEqual(backend === 'wasm' ? [0.5, 0.25] : moved);
  });

  it('PGD at ε = 0 gives the clean accuracy and leaves every input where it was', async () => {
    const clean = await trained.evaluate(test);
    for (const loss of ['margin', 'cross-entropy'] as const) {
      const options = { attack: 'pgd', loss, epsilons: [0], seed: 3, clip: null } as const;
      expect(adversarialAccuracy(trained, test, options)[0].accuracy).toBe(clean.accuracy);
      expect(adversarialExamples(trained, test, options)[0]).toEqual(test.x);
    }
  });

  it('PGD is at least as strong as FGSM at the same ε on a trained model', () => {
    const epsilons = [0.25, 0.5, 1];
    for (const loss of ['margin', 'cross-entropy'] as const) {
      const fgsm = adversarialAccuracy(trained, test, { attack: 'fgsm', loss, epsilons, clip: null });
      const pgd = adversarialAccuracy(trained, test, { attack: 'pgd', loss, epsilons, seed: 2, clip: null });
      pgd.forEach((p, e) => expect(p.accuracy).toBeLessThanOrEqual(fgsm[e].accuracy));
      expect(pgd[2].accuracy).toBeLessThan(pgd[0].accuracy);
    }
  });

  it('keeps PGD examples within ε of x and within the clip range, from a seeded uniform start', () => {
    const model = cubeModel();
    models.push(model);
    const data = unitCube(40, 8);
    const epsilons = [0.05, 0.3];
    const [small, large] = adversarialExamples(model, data, {
      attack: 'pgd',
      loss: 'margin',
      epsilons,
      steps: 7,
      seed: 4,
      clip: [0, 1],
      batchSize: 16,
    });
    [small, large].forEach((examples, e) => {
      let moved = 0;
      examples.forEach((v, i) => {
        expect(Math.abs(v - data.x[i])).toBeLessThanOrEqual(epsilons[e] + 1e-6);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        if (v !== data.x[i]) moved++;
      });
      expect(moved).toBeGreaterThan(examples.length / 2);
    });
    // No step: the examples are the random start itself, x + (2u − 1)·ε clipped, u from mulberry32(seed).
    const [start] = adversarialExamples(model, data, {
      attack: 'pgd',
      loss: 'margin',
      epsilons: [0.3],
      stepSize: 0,
      steps: 1,
      seed: 4,
      clip: [0, 1],
      batchSize: 16,
    });
    const rng = mulberry32(4);
    start.forEach((v, i) => {
      const expected = Math.min(1, Math.max(0, Math.fround(data.x[i] + Math.fround((2 * rng() - 1) * 0.3))));
      expect(v).toBeCloseTo(expected, 6);
    });
  });

  it('PGD-1 without random start and a step of ε is FGSM', () => {
    const model = cubeModel();
    models.push(model);
    const data = unitCube(30, 9);
    const common = { loss: 'margin', epsilons: [0.1, 0.2], clip: [0, 1] } as const;
    const fgsm = adversarialExamples(model, data, { attack: 'fgsm', ...common });
    expect(
      adversarialExamples(model, data, {
        attack: 'pgd',
        ...common,
        steps: 1,
        stepSize: 0.1,
        randomStart: false,
        seed: 0,
      })[0],
    ).toEqual(fgsm[0]);
  });

  it('is deterministic for a seed, and the seed matters', () => {
    // Small steps: with the default 2.5·ε/k, sign steps reach the same corner of the ball from any start.
    const model = cubeModel();
    models.push(model);
    const data = unitCube(30, 10);
    const options = { attack: 'pgd', loss: 'margin', epsilons: [0.2], steps: 3, stepSize: 0.01, clip: [0, 1] } as const;
    const a = adversarialExamples(model, data, { ...options, seed: 11 });
    expect(adversarialExamples(model, data, { ...options, seed: 11 })).toEqual(a);
    expect(adversarialExamples(model, data, { ...options, seed: 12 })[0]).not.toEqual(a[0]);
    expect(adversarialAccuracy(model, data, { ...options, seed: 11 })).toEqual(
      adversarialAccuracy(model, data, { ...options, seed: 11 }),
    );
  });

  it('checks the data against the model, naming the function', () => {
    const data = { ...unitCube(3, 1), n: 4 };
    const options = { attack: 'fgsm', loss: 'margin', epsilons: [0.1], clip: null } as const;
    expect(() => adversarialAccuracy(trained, data, options)).toThrow(
      /^adversarialAccuracy: data\.shape must hold 2 features per example/,
    );
    expect(() => adversarialExamples(trained, { ...blobs(3), n: 4 }, options)).toThrow(/^adversarialExamples: data\.x/);
  });

  it('leaks no tensors', () => {
    const data = unitCube(10, 12);
    const model = cubeModel();
    models.push(model);
    const before = tf.memory().numTensors;
    for (const attack of ['fgsm', 'pgd'] as const) {
      const options = { attack, loss: 'margin', epsilons: [0, 0.1], clip: [0, 1], batchSize: 4 } as const;
      const withSeed = attack === 'pgd' ? { ...options, attack, seed: 1, steps: 2 } : { ...options, attack };
      adversarialAccuracy(model, data, withSeed);
      adversarialExamples(model, data, withSeed);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
