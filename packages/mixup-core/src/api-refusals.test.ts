import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { layers, loadLayersModel, sequential } from '@tensorflow/tfjs-layers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { blobs, smallMlp } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { fileSystemIO } from './file-system-io.js';
import { assertFinite } from './finite-guard.js';
import { ManifoldMixupModel } from './model.js';
import { NonFiniteError } from './non-finite-error.js';
import { useTempDir } from './__fixtures__/temp-dir.js';

// What the tfjs-facing API refuses, and says, for input a user can get wrong.
const dir = useTempDir('mixup-core-refusals-');
const twoLayers = () =>
  sequential({
    layers: [layers.dense({ inputShape: [2], units: 4, name: 'a' }), layers.dense({ units: 2, name: 'b' })],
  });

describe('refusals of the tfjs-facing API', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('fromSequential: mixAt indices must be whole, in range; names must exist; the output must be [batch, classes]', () => {
    for (const bad of [-1, 1.5, 2]) {
      expect(() => ManifoldMixupModel.fromSequential(twoLayers(), { mixAt: [bad] })).toThrow(
        `fromSequential: mixAt[0] must be a layer index in [0, 2), found ${bad}`,
      );
    }
    const ok = ManifoldMixupModel.fromSequential(twoLayers(), { mixAt: [0, 'b'] });
    expect(ok.eligibleLayers).toEqual([0, 1]);
    ok.dispose();
    expect(() => ManifoldMixupModel.fromSequential(sequential(), { mixAt: [] })).toThrow(
      /^fromSequential: model must (have layers, found none|be a tf\.Sequential)/,
    );
    const sequenceOut = sequential({ layers: [layers.dense({ inputShape: [3, 2], units: 2 })] });
    expect(() => ManifoldMixupModel.fromSequential(sequenceOut, { mixAt: [] })).toThrow(
      new RangeError('fromSequential: the output must have shape [batch, classes], found [null, 3, 2]'),
    );
  });

  it('fit: callbacks must be tfjs callbacks or objects of hooks, and every list entry is called', async () => {
    const model = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 2 });
    const data = blobs(20, 1);
    await expect(model.fit(data, { epochs: 1, batchSize: 10, callbacks: [null as never] })).rejects.toThrow(
      new TypeError(
        'fit: options.callbacks[0] must be a tf callback (tf.callbacks.earlyStopping(), a tf.CustomCallback) or an object of hooks, found null',
      ),
    );
    await expect(model.fit(data, { callbacks: { onEpochEnds: () => {} } as never })).rejects.toThrow(
      new TypeError(
        'fit: unknown callback "options.callbacks.onEpochEnds" (valid callbacks: onTrainBegin, onTrainEnd, onEpochBegin, onEpochEnd, onBatchBegin, onBatchEnd, onYield)',
      ),
    );
    await expect(model.fit(data, { epochs: 1, batchSize: 10, callbacks: { onEpochEnd: 3 as never } })).rejects.toThrow(
      new TypeError('fit: options.callbacks.onEpochEnd must be a function, found 3'),
    );
    await expect(
      model.fit(data, { epochs: 1, batchSize: 10, callbacks: [{}, { onBatchEnd: 'x' as never }] }),
    ).rejects.toThrow('fit: options.callbacks[1].onBatchEnd must be a function');
    const seen: string[] = [];
    const logs: Array<Record<string, number> | undefined> = [];
    await model.fit(data, {
      epochs: 1,
      batchSize: 10,
      callbacks: [
        { onEpochEnd: (_e, l) => void (seen.push('first'), logs.push(l)) },
        { onEpochEnd: () => void seen.push('second') },
      ],
    });
    expect(seen).toEqual(['first', 'second']);
    // Without validation the logs hold the loss and the accuracy.
    expect(Object.keys(logs[0] ?? {})).toEqual(['loss', 'acc']);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await model.fit(data, { epochs: 1, batchSize: 10, verbose: 1 });
    expect(
      log.mock.calls.map((c) =>
        String(c[0])
          .replace(/[\d.]+s/, 'Ts')
          .replace(/\d\.\d{4}/g, 'N'),
      ),
    ).toEqual(['Epoch 1 / 1 - Ts - loss=N - acc=N']);
    model.dispose();
  });

  it('the guard names the first non-finite tensor and where in it (no index for a scalar)', () => {
    const tensors = [tf.tensor1d([1, 2, 3]), tf.tensor1d([4, 5, Number.POSITIVE_INFINITY, Number.NaN]), tf.scalar(1)];
    const guard = () =>
      assertFinite(
        tensors,
        (i) => ['a', 'b', 'c'][i],
        () => 'at step 3',
      );
    expect(guard).toThrow('fit: b became Infinity (at index 2) at step 3; training stopped before the update');
    expect(guard).toThrow(NonFiniteError);
    expect(guard).toThrow(expect.objectContaining({ tensor: 'b', value: Infinity }));
    const scalar = [tf.tensor1d([1]), tf.scalar(Number.NaN)];
    expect(() =>
      assertFinite(
        scalar,
        (i) => ['w', 'the training loss'][i],
        () => 'here',
      ),
    ).toThrow('fit: the training loss became NaN here; training stopped before the update');
    expect(() =>
      assertFinite(
        [tf.tensor1d([1, 2])],
        () => 'w',
        () => 'here',
      ),
    ).not.toThrow();
    expect(() =>
      assertFinite(
        [],
        () => 'w',
        () => 'here',
      ),
    ).not.toThrow();
    tf.dispose([...tensors, ...scalar]);
  });

  it('fileSystemIO: loads from a directory or its model.json, keeps metadata, names unreadable files', async () => {
    const net = twoLayers();
    const target = join(dir(), 'exported');
    await net.save(fileSystemIO(target), { includeOptimizer: false });
    const x = tf.tensor2d([[0.5, -1]]);
    const expected = (net.predict(x) as tf.Tensor).dataSync();
    for (const from of [target, join(target, 'model.json')]) {
      const loaded = await loadLayersModel(fileSystemIO(from));
      expect(Array.from((loaded.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from(expected));
      loaded.dispose();
    }
    net.setUserDefinedMetadata({ note: 'kept' });
    await net.save(fileSystemIO(target));
    expect((await loadLayersModel(fileSystemIO(target))).getUserDefinedMetadata()).toEqual({ note: 'kept' });
    const missing = join(dir(), 'nothing', 'model.json');
    await expect(loadLayersModel(fileSystemIO(missing))).rejects.toThrow(`${missing}: cannot read the model (`);
    await mkdir(join(dir(), 'broken'), { recursive: true });
    await writeFile(join(dir(), 'broken', 'model.json'), '{"modelTopology": ');
    await expect(loadLayersModel(fileSystemIO(join(dir(), 'broken')))).rejects.toThrow(
      `${join(dir(), 'broken', 'model.json')}: not valid JSON (truncated or corrupted?)`,
    );
    await expect(fileSystemIO(target).save!({ modelTopology: undefined } as never)).rejects.toThrow(
      new TypeError(
        `fileSystemIO(${target}).save: artifacts.modelTopology must be a JSON model topology, found undefined`,
      ),
    );
    x.dispose();
    net.dispose();
  });
});
