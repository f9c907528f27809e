import type * as tf from '@tensorflow/tfjs-core';
import { layers } from '@tensorflow/tfjs-layers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { blobs, smallMlp } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { ManifoldMixupModel } from './model.js';

const make = () => new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 4 });
const snapshot = (variables: tf.Variable[]) => variables.map((v) => Array.from(v.dataSync()));

describe('fit as a tfjs user calls it', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("calls tf.LayersModel.fit's callbacks in order with 0-based indices and Keras logs, awaiting them", async () => {
    const model = make();
    const events: string[] = [];
    let epochLogs: Record<string, number> | undefined;
    await model.fit(blobs(40, 1), {
      epochs: 2,
      batchSize: 16,
      validation: blobs(10, 2),
      callbacks: {
        onTrainBegin: () => void events.push('train-begin'),
        onEpochBegin: (epoch) => void events.push(`epoch-begin ${epoch}`),
        onBatchBegin: (batch, logs) => void events.push(`batch-begin ${batch} size ${logs?.size}`),
        onBatchEnd: async (batch, logs) => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          events.push(`batch-end ${batch} ${Number.isFinite(logs?.loss)}`);
        },
        onEpochEnd: (epoch, logs) => {
          events.push(`epoch-end ${epoch}`);
          epochLogs = logs;
        },
        onTrainEnd: () => void events.push('train-end'),
      },
    });
    const epoch = (e: number) => [
      `epoch-begin ${e}`,
      'batch-begin 0 size 16',
      'batch-end 0 true',
      'batch-begin 1 size 16',
      'batch-end 1 true',
      'batch-begin 2 size 8',
      'batch-end 2 true',
      `epoch-end ${e}`,
    ];
    expect(events).toEqual(['train-begin', ...epoch(0), ...epoch(1), 'train-end']);
    expect(Object.keys(epochLogs ?? {}).sort()).toEqual(['acc', 'loss', 'val_acc', 'val_loss']);
    model.dispose();
  });

  it('prints one line per epoch with verbose, nothing without', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const model = make();
    await model.fit(blobs(20, 1), { epochs: 2, batchSize: 10 });
    expect(log).not.toHaveBeenCalled();
    await model.fit(blobs(20, 1), { epochs: 2, batchSize: 10, verbose: 2, validation: blobs(10, 2) });
    expect(
      log.mock.calls.map((c) =>
        String(c[0])
          .replace(/[\d.]+s/, 'Ts')
          .replace(/\d\.\d{4}/g, 'N'),
      ),
    ).toEqual([
      'Epoch 1 / 2 - Ts - loss=N - acc=N - val_loss=N - val_acc=N',
      'Epoch 2 / 2 - Ts - loss=N - acc=N - val_loss=N - val_acc=N',
    ]);
    await expect(model.fit(blobs(20, 1), { epochs: 1, batchSize: 10, verbose: 3 as never })).rejects.toThrow(
      new RangeError('fit: options.verbose must be 0, 1 or 2, found 3'),
    );
    model.dispose();
  });

  it('stops after the current batch when a callback sets stopTraining, keeping the epoch it stopped in', async () => {
    const model = make();
    let epochNow = -1;
    const batches: string[] = [];
    const history = await model.fit(blobs(40, 1), {
      epochs: 5,
      batchSize: 10,
      callbacks: {
        onEpochBegin: (epoch) => void (epochNow = epoch),
        onBatchEnd: (batch) => {
          batches.push(`${epochNow}.${batch}`);
          if (epochNow === 2 && batch === 1) model.stopTraining = true;
        },
      },
    });
    // As tf.LayersModel.fit: the stopped epoch is in the history, its loss over the batches that ran, unvalidated.
    expect(history.epoch).toEqual([0, 1, 2]);
    expect(history.history.loss).toHaveLength(3);
    expect(history.epochs.map((e) => [e.epoch, e.partial])).toEqual([
      [1, undefined],
      [2, undefined],
      [3, true],
    ]);
    expect(batches.slice(-3)).toEqual(['1.3', '2.0', '2.1']);
    // The next fit starts afresh.
    expect((await model.fit(blobs(40, 1), { epochs: 1, batchSize: 10 })).epochs).toHaveLength(1);
    model.dispose();
  });

  it('rejects a second fit while one runs, and accepts one after it ends', async () => {
    const model = make();
    const running = model.fit(blobs(40, 1), { epochs: 2, batchSize: 10 });
    expect(() => model.fit(blobs(40, 1), { epochs: 1, batchSize: 10 })).toThrow(
      'fit: this model is already training; await the running fit before starting another',
    );
    await running;
    await expect(model.fit(blobs(40, 1), { epochs: 1, batchSize: 10 })).resolves.toBeDefined();
    model.dispose();
  });

  it('honours a layer frozen between fits: its weights and optimizer state stay, the others train', async () => {
    const model = make();
    await model.fit(blobs(40, 1), { epochs: 1, batchSize: 10 });
    const frozen = model.layers[2];
    frozen.trainable = false;
    const frozenBefore = snapshot(frozen.weights.map((w) => w.read() as tf.Variable));
    const othersBefore = snapshot(model.trainableVariables);
    await model.fit(blobs(40, 1), { epochs: 1, batchSize: 10 });
    expect(snapshot(frozen.weights.map((w) => w.read() as tf.Variable))).toEqual(frozenBefore);
    const othersAfter = snapshot(model.trainableVariables);
    othersAfter.forEach((values, i) => expect(values).not.toEqual(othersBefore[i]));
    frozen.trainable = true;
    await model.fit(blobs(40, 1), { epochs: 1, batchSize: 10 });
    expect(snapshot(frozen.weights.map((w) => w.read() as tf.Variable))).not.toEqual(frozenBefore);
    model.dispose();
  });

  it('refuses trainable changes it cannot honour, naming the layer', async () => {
    const late = layers.dense({ units: 2, trainable: false });
    const model = new ManifoldMixupModel({
      layers: [
        [layers.dense({ units: 8, activation: 'relu' }), false],
        [late, true],
      ],
      inputShape: [2],
      numClasses: 2,
    });
    late.trainable = true;
    await expect(model.fit(blobs(20, 1), { epochs: 1, batchSize: 10 })).rejects.toThrow(
      /became trainable after the model was built/,
    );
    late.trainable = false;
    const first = model.layers[0];
    await expect(
      model.fit(blobs(40, 1), {
        epochs: 1,
        batchSize: 10,
        callbacks: { onBatchEnd: () => void (first.trainable = false) },
      }),
    ).rejects.toThrow(
      /layers\[0\] \(.+\)\.trainable changed during fit \(before epoch 1, step 2\); change it between fits/,
    );
    model.dispose();
  });
});
