import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { blobs, smallMlp } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { BatchBuffer } from './batches.js';
import { ManifoldMixupModel } from './model.js';

// The pure-JS backend keeps a reference to the array handed to tf.tensor (wasm copies it), so on cpu
// a batch tensor shares memory with BatchBuffer's reused arrays until it is disposed.
describe('on the cpu backend', () => {
  beforeAll(async () => {
    expect((await initBackend('cpu')).name).toBe('cpu');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const make = () =>
    new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 1, lambdaMode: 'example' });
  const weightsOf = (model: ManifoldMixupModel) => model.weights.map((w) => Array.from(w.variable.dataSync()));

  it('a batch tensor still held sees the next fill: why training disposes it first', () => {
    const data = blobs(4, 1);
    const buffer = new BatchBuffer(2, [2], 2);
    const first = buffer.fill(data, [0, 1, 2, 3], 0, 2);
    const rows01 = Array.from(data.x.subarray(0, 4));
    expect(Array.from(first.x.dataSync())).toEqual(rows01);
    const second = buffer.fill(data, [0, 1, 2, 3], 2, 2);
    expect(Array.from(first.x.dataSync())).toEqual(Array.from(data.x.subarray(4, 8)));
    tf.dispose([first.x, first.y, second.x, second.y]);
  });

  it('reuses the batch buffers safely: the same weights as with a fresh copy per batch', async () => {
    const train = blobs(200, 1);
    const reused = make();
    await reused.fit(train, { epochs: 2, batchSize: 20, learningRate: 1e-2 });
    const fill = BatchBuffer.prototype.fill;
    const copied = vi.spyOn(BatchBuffer.prototype, 'fill').mockImplementation(function (this: BatchBuffer, ...args) {
      const { x, y } = fill.apply(this, args);
      const fresh = {
        x: tf.tensor(x.dataSync().slice(), x.shape),
        y: tf.tensor2d(y.dataSync().slice(), [y.shape[0], y.shape[1]]),
      };
      tf.dispose([x, y]);
      return fresh;
    });
    const fresh = make();
    await fresh.fit(train, { epochs: 2, batchSize: 20, learningRate: 1e-2 });
    expect(copied).toHaveBeenCalledTimes(20);
    expect(weightsOf(fresh)).toEqual(weightsOf(reused));
    reused.dispose();
    fresh.dispose();
  });

  it('trains deterministically and learns two blobs', async () => {
    const a = make();
    const b = make();
    const train = blobs(200, 1);
    const history = await a.fit(train, { epochs: 6, batchSize: 20, learningRate: 1e-2 });
    await b.fit(train, { epochs: 6, batchSize: 20, learningRate: 1e-2 });
    expect(history.backend).toBe('cpu');
    expect(await a.predict(train.x)).toEqual(await b.predict(train.x));
    expect((await a.evaluate(blobs(100, 2))).accuracy).toBeGreaterThan(0.9);
    a.dispose();
    b.dispose();
  });
});
