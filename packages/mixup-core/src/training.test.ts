import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { blobs, smallMlp } from './__fixtures__/synthetic.js';
import { CheckpointFormatError } from './checkpoint-format-error.js';
import { initBackend } from './backend.js';
import { ManifoldMixupModel } from './model.js';
import { learningRateAt } from './training.js';
import type { EpochRecord } from './types.js';
import { useTempDir } from './__fixtures__/temp-dir.js';

const train = blobs(60, 1);
const validation = blobs(20, 2);
const makeModel = (options: { lambdaMode?: 'batch' | 'example' } = {}) =>
  new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 7, alpha: 2, ...options });
const weightBytes = (model: ManifoldMixupModel) =>
  Buffer.concat(model.weights.map((w) => Buffer.from((w.variable.dataSync() as Float32Array).buffer)));

const dir = useTempDir('mixup-core-fit-');

describe('fit', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('is deterministic: same seed, same backend, identical weights (both lambda modes)', async () => {
    for (const lambdaMode of ['batch', 'example'] as const) {
      const a = makeModel({ lambdaMode });
      const b = makeModel({ lambdaMode });
      await a.fit(train, { epochs: 2, batchSize: 16 });
      await b.fit(train, { epochs: 2, batchSize: 16 });
      expect(weightBytes(a).equals(weightBytes(b))).toBe(true);
      const c = makeModel({ lambdaMode });
      await c.fit(train, { epochs: 2, batchSize: 16, seed: 8 });
      expect(weightBytes(a).equals(weightBytes(c))).toBe(false);
      for (const m of [a, b, c]) m.dispose();
    }
  });

  it('leaks no tensors: the live count after epoch 1 equals the count after epoch 3', async () => {
    const model = makeModel();
    const counts: number[] = [];
    await model.fit(train, {
      epochs: 3,
      batchSize: 16,
      validation,
      onEpochEnd: () => counts.push(tf.memory().numTensors),
    });
    expect(counts).toHaveLength(3);
    expect(counts[2]).toBe(counts[0]);
    model.dispose();
  });

  it('reports batches, epochs, validation metrics and the step-decay learning rate', async () => {
    const model = makeModel();
    const batches: Array<{ epoch: number; step: number; steps: number }> = [];
    const records: EpochRecord[] = [];
    const history = await model.fit(train, {
      epochs: 3,
      batchSize: 25,
      learningRate: 0.01,
      lrSchedule: { every: 2, factor: 0.5 },
      validation,
      onBatchEnd: ({ epoch, step, steps }) => batches.push({ epoch, step, steps }),
      onEpochEnd: (r) => records.push(r),
    });
    expect(batches).toHaveLength(9); // 60 rows in batches of 25: 25, 25, 10
    expect(batches[8]).toEqual({ epoch: 3, step: 3, steps: 3 });
    expect(history.epochs).toEqual(records);
    expect(records.map((r) => r.learningRate)).toEqual([0.01, 0.01, 0.005]);
    // The last epoch's validation metrics are those of the final weights.
    const final = await model.evaluate(validation);
    expect(records[2].valAccuracy).toBe(final.accuracy);
    expect(records[2].valLoss).toBe(final.nll);
    for (const r of records) expect(Number.isFinite(r.loss)).toBe(true);
    expect(learningRateAt(23, 1e-3, { every: 10, factor: 0.1 })).toBeCloseTo(1e-5, 12);
    model.dispose();
  });

  it('stops with an error naming the epoch and step when the loss is not finite', async () => {
    const model = makeModel();
    const bad = { ...train, x: train.x.slice() };
    // Finite, but with a first layer of weights 1e20 its activations overflow; row 40 lands in some batch of epoch 1.
    bad.x[2 * 40] = 1e20;
    model.layers[0].setWeights([tf.fill([2, 16], 1e20), tf.zeros([16])]);
    await expect(model.fit(bad, { epochs: 2, batchSize: 16 })).rejects.toThrow(
      /loss became (NaN|-?Infinity) at epoch 1, step \d of 4/,
    );
    model.dispose();
  });

  it('rejects bad data and options, naming the field', async () => {
    const model = makeModel();
    await expect(model.fit({ ...train, y: new Uint8Array(60).fill(2) }, { epochs: 1, batchSize: 8 })).rejects.toThrow(
      new RangeError('fit: train.y[0] must be a class index in [0, 2), found 2'),
    );
    await expect(model.fit(train, { epochs: 1, batchSize: 0 })).rejects.toThrow(
      /batchSize must be a positive integer, found 0/,
    );
    await expect(model.fit(train, { epochs: 1, batchSize: 8, learningRate: Infinity })).rejects.toThrow(
      'fit: options.learningRate must be a finite positive number, found Infinity',
    );
    await expect(model.fit(train, { epochs: 1, batchSize: 8, learningRate: 0 })).rejects.toThrow(
      'fit: options.learningRate must be a finite positive number, found 0',
    );
    const { shape: _shape, ...withoutShape } = train;
    await expect(model.fit(withoutShape as typeof train, { epochs: 1, batchSize: 8 })).rejects.toThrow(
      new TypeError(
        'fit: train.shape must be the per-example feature shape, an array of positive integers, found undefined',
      ),
    );
    await expect(
      model.fit(train, { epochs: 1, batchSize: 8, validation: withoutShape as typeof train }),
    ).rejects.toThrow('fit: options.validation.shape must be the per-example feature shape');
    await expect(model.fit({ ...train, x: train.x.subarray(1) }, { epochs: 1, batchSize: 8 })).rejects.toThrow(
      new RangeError('fit: train.x must hold n * features = 60 * 2 = 120 values, found a Float32Array of length 119'),
    );
    await expect(model.fit({ ...train, y: Array.from(train.y).slice(1) }, { epochs: 1, batchSize: 8 })).rejects.toThrow(
      new RangeError('fit: train.y must hold n = 60 labels, found an array of length 59'),
    );
    await expect(model.fit({ ...train, y: undefined as never }, { epochs: 1, batchSize: 8 })).rejects.toThrow(
      new TypeError('fit: train.y must be an array of class indices, found undefined'),
    );
    await expect(model.fit(null as never, { epochs: 1, batchSize: 8 })).rejects.toThrow(
      new TypeError('fit: train must be a LabeledSet { x, y, n, shape }, found null'),
    );
    model.dispose();
  });

  it('resumes from per-epoch checkpoints to exactly the weights of an uninterrupted run', async () => {
    const checkpoints = join(dir(), 'resume');
    const straight = makeModel();
    const straightHistory = await straight.fit(train, { epochs: 3, batchSize: 16, validation });

    const first = makeModel();
    await first.fit(train, { epochs: 2, batchSize: 16, validation, checkpointDir: checkpoints });
    first.dispose();
    const resumed = makeModel();
    const history = await resumed.fit(train, { epochs: 3, batchSize: 16, validation, checkpointDir: checkpoints });

    expect(history.resumedEpochs).toBe(2);
    expect(history.epochs.map((e) => e.loss)).toEqual(straightHistory.epochs.map((e) => e.loss));
    expect(weightBytes(resumed).equals(weightBytes(straight))).toBe(true);
    const files = await readdir(checkpoints);
    expect(files.filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.bin'))).toHaveLength(1);

    const other = makeModel();
    const untrained = weightBytes(other);
    await expect(other.fit(train, { epochs: 3, batchSize: 8, checkpointDir: checkpoints })).rejects.toThrow(
      /batchSize = 16, this fit uses 8/,
    );
    const past = other.fit(train, { epochs: 2, batchSize: 16, validation, checkpointDir: checkpoints });
    await expect(past).rejects.toThrow(/at epoch 3, past the 2 epochs asked for/);
    // A checkpoint that cannot continue this fit is a CheckpointFormatError, refused before it is applied.
    await expect(past).rejects.toBeInstanceOf(CheckpointFormatError);
    await expect(past).rejects.toMatchObject({ file: join(checkpoints, 'model.json'), field: 'training.epochs' });
    expect(weightBytes(other).equals(untrained)).toBe(true);
    const done = await other.fit(train, { epochs: 3, batchSize: 16, validation, checkpointDir: checkpoints });
    expect(done.resumedEpochs).toBe(3);
    expect(weightBytes(other).equals(weightBytes(straight))).toBe(true);
    for (const m of [straight, resumed, other]) m.dispose();
  });
});
