import * as tf from '@tensorflow/tfjs-core';
import { layers, sequential, type Sequential } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { blobs } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { ManifoldMixupModel } from './model.js';

// A net wrapped by fromSequential (or fromLayersModel) stays the user's: its compile settings are
// honoured or refused, seeded re-initialisation is asked for, its weights outlive the wrapper, and
// the two fits cannot run at once on the same weights.
const net = (): Sequential =>
  sequential({
    layers: [
      layers.dense({ inputShape: [2], units: 8, activation: 'relu', name: 'h1' }),
      layers.dense({ units: 2, activation: 'softmax', name: 'out' }),
    ],
  });
const data = blobs(40, 3);
const weights = (model: { getWeights(): tf.Tensor[] }) => model.getWeights().map((w) => Array.from(w.dataSync()));
/** The two ways to wrap a net the user keeps; a tf.Sequential is a tf.LayersModel too. */
const WRAPS = {
  fromSequential: (n: Sequential, mixAt: string[], optimizer?: 'adam') =>
    ManifoldMixupModel.fromSequential(n, { mixAt, optimizer }),
  fromLayersModel: (n: Sequential, mixAt: string[], optimizer?: 'adam') =>
    ManifoldMixupModel.fromLayersModel(n, { mixAt: mixAt.map((name) => (name === 'out' ? 'h1' : name)), optimizer }),
};

describe('fromSequential and fromLayersModel: the wrapped net stays the user’s', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('re-initialises with the seed when asked, so that two nets train alike; keeps the weights otherwise', async () => {
    const [a, b, c] = [net(), net(), net()];
    const before = weights(c);
    const ma = ManifoldMixupModel.fromSequential(a, { mixAt: ['out'], seed: 4, reinitialize: true });
    const mb = ManifoldMixupModel.fromSequential(b, { mixAt: ['out'], seed: 4, reinitialize: true });
    const mc = ManifoldMixupModel.fromSequential(c, { mixAt: ['out'], seed: 4 });
    expect(weights(a)).toEqual(weights(b));
    expect(weights(c)).toEqual(before);
    await ma.fit(data, { epochs: 2, batchSize: 10 });
    await mb.fit(data, { epochs: 2, batchSize: 10 });
    expect(weights(a)).toEqual(weights(b));
    expect(() => ManifoldMixupModel.fromSequential(net(), { mixAt: [], reinitialize: 1 as never })).toThrow(
      new TypeError('fromSequential: options.reinitialize must be a boolean, found 1'),
    );
    for (const m of [ma, mb, mc]) m.dispose();
    for (const m of [a, b, c]) m.dispose();
  });

  it.each(Object.keys(WRAPS) as Array<keyof typeof WRAPS>)(
    '%s uses the compiled optimizer, refuses a loss it cannot train and a second optimizer',
    (where) => {
      const wrap = WRAPS[where];
      const sgd = tf.train.sgd(0.1);
      const compiled = net();
      compiled.compile({ optimizer: sgd, loss: 'categoricalCrossentropy' });
      const model = wrap(compiled, []);
      expect(model.optimizerOption).toBe(sgd);
      expect(() => wrap(compiled, [], 'adam')).toThrow(
        new TypeError(
          `${where}: options.optimizer and the optimizer the model was compiled with (SGD) are two optimizers; give one`,
        ),
      );
      const mse = net();
      mse.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
      expect(() => wrap(mse, [])).toThrow(
        new RangeError(
          `${where}: model.loss must be 'categoricalCrossentropy' or 'sparseCategoricalCrossentropy' (Manifold Mixup trains cross-entropy against mixed targets), or the model left uncompiled, found 'meanSquaredError'`,
        ),
      );
      model.dispose();
      for (const m of [compiled, mse]) m.dispose();
    },
  );

  it('alpha 0 trains without mixing: the baseline, whatever mixAt says', async () => {
    const runs = [];
    for (const options of [{ mixAt: ['out'], alpha: 0 }, { mixAt: [] as string[] }]) {
      const n = net();
      const model = ManifoldMixupModel.fromSequential(n, { ...options, seed: 2, reinitialize: true });
      await model.fit(data, { epochs: 1, batchSize: 10 });
      runs.push(weights(n));
      model.dispose();
      n.dispose();
    }
    expect(runs[0]).toEqual(runs[1]);
  });

  it.each(Object.keys(WRAPS) as Array<keyof typeof WRAPS>)(
    "%s: dispose() frees the wrapper's optimizer and leaves the net usable; the net cannot fit while the wrapper does",
    async (where) => {
      const n = net();
      n.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
      const model = WRAPS[where](n, ['out']);
      const xs = tf.tensor2d(data.x, [data.n, 2]);
      const ys = tf.oneHot(tf.tensor1d(Array.from(data.y), 'int32'), 2);
      const running = model.fit(xs, ys, { epochs: 2, batchSize: 10, verbose: 0 });
      await expect(n.fit(xs, ys, { epochs: 1 })).rejects.toThrow(/another fit\(\) call is ongoing/);
      await running;
      const theirs = n.fit(xs, ys, { epochs: 1, verbose: 0 });
      expect(() => model.fit(xs, ys)).toThrow(
        'fit: the wrapped tf.LayersModel is training (its own fit is running); await it before this fit',
      );
      await theirs;
      model.dispose();
      const p = n.predict(xs) as tf.Tensor;
      expect(p.shape).toEqual([data.n, 2]);
      tf.dispose([p, xs, ys]);
      n.dispose();
    },
  );
});
