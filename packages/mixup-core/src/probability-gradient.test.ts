import { beforeAll, describe, expect, it } from 'vitest';
import { linearModel } from './__fixtures__/linear-model.js';
import { blobs, smallMlp } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { ManifoldMixupModel } from './model.js';
import { probabilityGradientNorms } from './probability-gradient.js';

describe('probabilityGradientNorms', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('is P1 (1 − P1) ‖w1 − w0‖ for a linear softmax model, in closed form', async () => {
    // z = x·W + b: z1 − z0 = (1 − (−2)) x0 + (−1 − 2) x1 + (0.5 − 0) = 3 x0 − 3 x1 + 0.5.
    const model = linearModel(
      [
        [-2, 1],
        [2, -1],
      ],
      [0, 0.5],
    );
    const x = Float32Array.from([0, 0, 1, 0.5, -0.3, 0.2, 2, -2]);
    const norms = await probabilityGradientNorms(model, x, { batchSize: 3 });
    const expected = Array.from({ length: 4 }, (_, i) => {
      const p1 = 1 / (1 + Math.exp(-(3 * x[2 * i] - 3 * x[2 * i + 1] + 0.5)));
      return p1 * (1 - p1) * Math.hypot(3, -3);
    });
    expect(Array.from(norms)).toEqual(expected.map((v) => expect.closeTo(v, 6)));
    // P(class 0) = 1 − P(class 1): the same norm.
    const class0 = await probabilityGradientNorms(model, x, { classIndex: 0 });
    expect(Array.from(class0)).toEqual(expected.map((v) => expect.closeTo(v, 6)));
    model.dispose();
  });

  it('matches central differences of predict through a softmax-output MLP', async () => {
    const model = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 3 });
    await model.fit(blobs(40, 2), { epochs: 2, batchSize: 10 });
    const points = [0.1, -0.2, 0.8, 0.4, -1, 1.2];
    const norms = await probabilityGradientNorms(model, Float32Array.from(points));
    // Small: the LeakyReLU kinks make the map piecewise smooth, and a wide step can straddle one.
    const h = 1e-3;
    for (let i = 0; i < 3; i++) {
      const at = async (dx: number, dy: number) =>
        (await model.predict(Float32Array.from([points[2 * i] + dx, points[2 * i + 1] + dy])))[1];
      const gx = ((await at(h, 0)) - (await at(-h, 0))) / (2 * h);
      const gy = ((await at(0, h)) - (await at(0, -h))) / (2 * h);
      expect(norms[i]).toBeCloseTo(Math.hypot(gx, gy), 3);
    }
    model.dispose();
  });

  it('refuses a class index outside the model, naming it', async () => {
    const model = linearModel([[1, 0]], [0, 0]);
    await expect(probabilityGradientNorms(model, Float32Array.from([1]), { classIndex: 2 })).rejects.toThrow(
      'probabilityGradientNorms: classIndex must be below numClasses = 2, found 2',
    );
    model.dispose();
  });
});
