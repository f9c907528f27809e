import * as tf from '@tensorflow/tfjs-core';
import {
  callbacks,
  CustomCallback,
  History,
  initializers,
  layers,
  sequential,
  type Sequential,
} from '@tensorflow/tfjs-layers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { blobs } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { ManifoldMixupModel } from './model.js';

// Written from tfjs' own documentation of tf.LayersModel.fit (ModelFitArgs, History, tf.callbacks.earlyStopping,
// tf.CustomCallback, stopTraining) and held against ManifoldMixupModel.fit: what a tfjs user writes must work
// and mean the same. Where tfjs' examples use a regression loss, the same calls are made on a classifier.

/** A small classifier 2 -> 8 -> 8 -> 2 as a tfjs user builds one; the same `seed`, the same weights. */
function build(seed: number): Sequential {
  const init = (s: number) => initializers.glorotUniform({ seed: 10 * seed + s });
  return sequential({
    layers: [
      layers.dense({ inputShape: [2], units: 8, activation: 'relu', name: 'h1', kernelInitializer: init(1) }),
      layers.dense({ units: 8, activation: 'relu', name: 'h2', kernelInitializer: init(2) }),
      layers.dense({ units: 2, activation: 'softmax', name: 'out', kernelInitializer: init(3) }),
    ],
  });
}

const data = blobs(40, 1);
const xs = () => tf.tensor2d(data.x, [data.n, 2]);
const oneHot = () => tf.oneHot(tf.tensor1d(Array.from(data.y), 'int32'), 2);
const weightsOf = (model: ManifoldMixupModel) => model.weights.map((w) => Array.from(w.variable.dataSync()));

describe('ManifoldMixupModel.fit as tf.LayersModel.fit is documented', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('fit(x, y, args) with tensors and one-hot labels resolves to a tf.History (loss, acc per epoch)', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const model = ManifoldMixupModel.fromSequential(build(1), { mixAt: ['h2'], seed: 1, reinitialize: true });
    const [x, y] = [xs(), oneHot()];
    const history = await model.fit(x, y, { batchSize: 8, epochs: 3 });
    expect(history).toBeInstanceOf(History);
    expect(history.epoch).toEqual([0, 1, 2]);
    expect(Object.keys(history.history).sort()).toEqual(['acc', 'loss']);
    expect(history.history.loss).toHaveLength(3);
    for (const acc of history.history.acc) expect(acc).toBeGreaterThanOrEqual(0);
    expect(history.history.loss).toEqual(history.epochs.map((e) => e.loss));
    tf.dispose([x, y]);
    model.dispose();
  });

  it('defaults to batchSize 32, epochs 1 and verbose 1 (one line per epoch)', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const model = ManifoldMixupModel.fromSequential(build(2), { mixAt: ['h2'] });
    const batches: number[] = [];
    const history = await model.fit(data.x, data.y, {
      callbacks: { onBatchEnd: (_b, logs) => void batches.push(logs?.size ?? 0) },
    });
    expect(history.epoch).toEqual([0]);
    expect(batches).toEqual([32, 8]);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0][0])).toMatch(/^Epoch 1 \/ 1 - [\d.]+s - loss=\d\.\d{4} - acc=\d\.\d{4}$/);
    model.dispose();
  });

  it('takes index labels, one-hot labels, tensors or typed arrays to the same training', async () => {
    const runs: number[][][] = [];
    for (const [x, y] of [
      [xs(), oneHot()],
      [xs(), tf.tensor1d(Array.from(data.y))],
      [xs(), tf.tensor2d(Array.from(data.y), [data.n, 1])],
      [data.x, data.y],
      [Array.from(data.x), Array.from(data.y).flatMap((c) => (c === 0 ? [1, 0] : [0, 1]))],
    ] as const) {
      const model = ManifoldMixupModel.fromSequential(build(3), { mixAt: ['h2'], seed: 5, reinitialize: true });
      await model.fit(x, y, { epochs: 2, batchSize: 10, verbose: 0 });
      runs.push(weightsOf(model));
      model.dispose();
    }
    for (const run of runs.slice(1)) expect(run).toEqual(runs[0]);
  });

  it('validationSplit holds out the last rows before shuffling, as validationData of those rows would', async () => {
    const split = ManifoldMixupModel.fromSequential(build(4), { mixAt: ['h2'], seed: 2, reinitialize: true });
    const given = ManifoldMixupModel.fromSequential(build(4), { mixAt: ['h2'], seed: 2, reinitialize: true });
    const a = await split.fit(xs(), oneHot(), { epochs: 2, batchSize: 8, validationSplit: 0.25, verbose: 0 });
    const head = 30; // floor(40 * (1 - 0.25))
    const b = await given.fit(data.x.subarray(0, head * 2), data.y.subarray(0, head), {
      epochs: 2,
      batchSize: 8,
      validationData: [data.x.subarray(head * 2), data.y.subarray(head)],
      verbose: 0,
    });
    expect(Object.keys(a.history).sort()).toEqual(['acc', 'loss', 'val_acc', 'val_loss']);
    expect(a.history).toEqual(b.history);
    await expect(split.fit(xs(), oneHot(), { validationSplit: 1 })).rejects.toThrow(
      new RangeError('fit: options.validationSplit must be a number in (0, 1), found 1'),
    );
    await expect(split.fit(xs(), oneHot(), { validationSplit: 0.99, verbose: 0 })).rejects.toThrow(
      new RangeError(
        'fit: options.validationSplit must leave rows for both training and validation (of 40 rows), found 0.99, which holds out 40',
      ),
    );
    await expect(split.fit(xs(), oneHot(), { validationSplit: 0.2, validationData: [xs(), oneHot()] })).rejects.toThrow(
      /options.validationData and options.validationSplit both give validation rows/,
    );
    split.dispose();
    given.dispose();
  });

  it('stops when tf.callbacks.earlyStopping says so (its documented example: val_acc flat, stops after epoch 2)', async () => {
    // tfjs' example: a 3-class softmax layer of ones, two examples, 'sgd'; val_acc stays 0.5.
    const model = sequential();
    model.add(layers.dense({ units: 3, activation: 'softmax', kernelInitializer: 'ones', inputShape: [2] }));
    const x = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const y = tf.tensor2d(
      [
        [1, 0, 0],
        [0, 1, 0],
      ],
      [2, 3],
    );
    const xVal = tf.tensor2d([4, 3, 2, 1], [2, 2]);
    const yVal = tf.tensor2d(
      [
        [0, 0, 1],
        [0, 1, 0],
      ],
      [2, 3],
    );
    model.compile({ loss: 'categoricalCrossentropy', optimizer: 'sgd', metrics: ['acc'] });
    const mixup = ManifoldMixupModel.fromSequential(model, { mixAt: [0] });
    const history = await mixup.fit(x, y, {
      epochs: 10,
      validationData: [xVal, yVal],
      callbacks: callbacks.earlyStopping({ monitor: 'val_acc' }),
      verbose: 0,
    });
    expect(history.history.val_acc).toEqual([0.5, 0.5]);
    tf.dispose([x, y, xVal, yVal]);
    mixup.dispose();
    model.dispose();
  });

  it('calls a tf.CustomCallback and plain objects of hooks, in an array, with 0-based epochs', async () => {
    const model = ManifoldMixupModel.fromSequential(build(5), { mixAt: ['h2'] });
    const seen: string[] = [];
    await model.fit(xs(), oneHot(), {
      epochs: 2,
      batchSize: 20,
      verbose: 0,
      callbacks: [
        new CustomCallback({
          onEpochEnd: (epoch, logs) => void seen.push(`custom ${epoch} ${Object.keys(logs ?? {})}`),
        }),
        { onTrainEnd: () => void seen.push('plain end') },
      ],
    });
    expect(seen).toEqual(['custom 0 loss,acc', 'custom 1 loss,acc', 'plain end']);
    model.dispose();
  });

  it('stopTraining set in onEpochEnd leaves as many values as epochs run (the documented example: 3)', async () => {
    const model = ManifoldMixupModel.fromSequential(build(6), { mixAt: ['h2'] });
    const history = await model.fit(xs(), oneHot(), {
      epochs: 100,
      verbose: 0,
      callbacks: {
        onEpochEnd: async (epoch) => {
          if (epoch === 2) model.stopTraining = true;
        },
      },
    });
    expect(history.history.loss).toHaveLength(3);
    model.dispose();
  });

  it('initialEpoch: epochs is the index of the last epoch, and the schedule counts from 0', async () => {
    const model = ManifoldMixupModel.fromSequential(build(7), { mixAt: ['h2'] });
    const history = await model.fit(xs(), oneHot(), {
      epochs: 3,
      initialEpoch: 1,
      verbose: 0,
      lrSchedule: { every: 2, factor: 0.5 },
    });
    expect(history.epoch).toEqual([1, 2]);
    expect(history.epochs.map((e) => [e.epoch, e.learningRate])).toEqual([
      [2, 1e-3],
      [3, 5e-4],
    ]);
    model.dispose();
  });

  it('trains with the optimizer the net was compiled with: SGD gives tfjs fit its own weights', async () => {
    // No mixing (alpha 0), no shuffling, one batch: one step of the user's SGD, as net.fit would take it.
    const ours = build(8);
    const theirs = build(8);
    theirs.setWeights(ours.getWeights());
    ours.compile({ optimizer: tf.train.sgd(0.5), loss: 'categoricalCrossentropy' });
    theirs.compile({ optimizer: tf.train.sgd(0.5), loss: 'categoricalCrossentropy' });
    const model = ManifoldMixupModel.fromSequential(ours, { mixAt: ['h2'], alpha: 0 });
    await model.fit(xs(), oneHot(), { batchSize: 40, shuffle: false, verbose: 0 });
    await theirs.fit(xs(), oneHot(), { batchSize: 40, shuffle: false, verbose: 0 });
    const expected = theirs.getWeights().map((w) => Array.from(w.dataSync()));
    ours.getWeights().forEach((w, i) => {
      const values = Array.from(w.dataSync());
      values.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 5));
    });
    model.dispose();
    for (const m of [ours, theirs]) m.dispose();
  });

  it("the optimizer changes the result: 'sgd', tf.train.sgd and 'adam' from the same seeded start", async () => {
    const run = async (options: { optimizer?: 'adam' | 'sgd' | tf.Optimizer }) => {
      const model = ManifoldMixupModel.fromSequential(build(9), {
        mixAt: ['h2'],
        seed: 3,
        reinitialize: true,
        ...options,
      });
      await model.fit(xs(), oneHot(), { epochs: 2, batchSize: 10, verbose: 0 });
      const weights = weightsOf(model);
      model.dispose();
      return weights;
    };
    const adam = await run({});
    const sgd = await run({ optimizer: 'sgd' });
    const momentum = await run({ optimizer: tf.train.momentum(0.01, 0.9) });
    expect(sgd).not.toEqual(adam);
    expect(momentum).toEqual(sgd); // 'sgd' is momentum 0.9 at rate 0.01
    expect(await run({ optimizer: tf.train.adam(1e-3) })).toEqual(adam); // tf.train.adam runs as our Adam
  });

  it('refuses unknown keys and the tfjs options it cannot honour, naming why', async () => {
    const model = ManifoldMixupModel.fromSequential(build(10), { mixAt: ['h2'] });
    await expect(model.fit(xs(), oneHot(), { epoch: 2 } as never)).rejects.toThrow(
      /^fit: unknown option "epoch" \(valid options: epochs, /,
    );
    await expect(model.fit(xs(), oneHot(), { classWeight: { 0: 1, 1: 2 } } as never)).rejects.toThrow(
      new TypeError(
        'fit: options.classWeight must be left out: a mixed row blends two classes, so a weight per class has no single value, found an object',
      ),
    );
    await expect(model.fit(xs(), oneHot(), { learningRate: 0.1 })).resolves.toBeInstanceOf(History);
    model.dispose();
  });
});
