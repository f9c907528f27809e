import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { layers } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { blobs } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { ManifoldMixupModel } from './model.js';
import { NonFiniteError } from './non-finite-error.js';
import { useTempDir } from './__fixtures__/temp-dir.js';

// On wasm a dense layer with a built-in ReLU maps NaN to 0, so a diverged network can keep a
// finite loss: the guard must look at weights and gradients, not only at the loss.
const reluModel = () =>
  new ManifoldMixupModel({
    layers: [
      [layers.dense({ units: 32, activation: 'relu' }), false],
      [layers.dense({ units: 32, activation: 'relu' }), true],
      [layers.dense({ units: 2, activation: 'softmax' }), false],
    ],
    inputShape: [2],
    numClasses: 2,
    seed: 5,
  });

const allFinite = (bytes: Buffer) =>
  new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4).every(Number.isFinite);

/** Set one value of a weight to NaN, as a diverged update or a bad checkpoint would leave it. */
function putNaN(variable: tf.Variable, index: number): void {
  const values = variable.dataSync().slice();
  values[index] = Number.NaN;
  const poisoned = tf.tensor(values, variable.shape);
  variable.assign(poisoned);
  poisoned.dispose();
}

const dir = useTempDir('mixup-core-guard-');

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`the non-finite guard on ${backend}`, () => {
    beforeAll(async () => {
      expect((await initBackend(backend)).name).toBe(backend);
    });

    it('stops a diverging fit (learning rate 1e30) naming epoch and step; no checkpoint holds non-finite weights', async () => {
      const model = reluModel();
      const checkpointDir = join(dir(), backend);
      const error = await model.fit(blobs(64, 1), { epochs: 20, batchSize: 8, learningRate: 1e30, checkpointDir }).then(
        () => null,
        (e: Error) => e,
      );
      expect(error).toBeInstanceOf(NonFiniteError);
      expect(error?.message).toMatch(
        /^fit: the (training loss|weights \S+|gradient of \S+) became (NaN|-?Infinity)( \(at index \d+\))? (at epoch \d+, step \d+ of 8 \(learning rate 1e\+30\)|after the last step of epoch \d+); training stopped before the update$/,
      );
      for (const file of await readdir(checkpointDir).catch(() => [])) {
        if (file.endsWith('.bin')) expect(allFinite(await readFile(join(checkpointDir, file))), file).toBe(true);
      }
      model.dispose();
    });

    it('stops before the first update when a weight is NaN, even where a ReLU hides it from the loss', async () => {
      const model = reluModel();
      putNaN(model.weights[0].variable, 0);
      const others = model.weights.slice(1).map((w) => Array.from(w.variable.dataSync()));
      await expect(model.fit(blobs(16, 1), { epochs: 1, batchSize: 8 })).rejects.toThrow(
        /^fit: the (training loss|weights \S+|gradient of \S+) became NaN.* at epoch 1, step 1 of 2 /,
      );
      // Nothing was updated.
      expect(model.weights.slice(1).map((w) => Array.from(w.variable.dataSync()))).toEqual(others);
      model.dispose();
    });

    it('refuses to save non-finite weights, naming the file and the weight', async () => {
      const model = reluModel();
      const [first] = model.weights;
      putNaN(first.variable, 3);
      const target = join(dir(), `nan-${backend}`);
      const saving = model.save(target);
      await expect(saving).rejects.toThrow(
        `${join(target, 'model.json')}: refusing to save ${first.name}: it holds NaN at index 3 (non-finite weights)`,
      );
      await expect(saving).rejects.toBeInstanceOf(NonFiniteError);
      await expect(saving).rejects.toMatchObject({ tensor: first.name, value: NaN });
      expect(await readdir(target).catch(() => [])).toEqual([]);
      model.dispose();
    });
  });
}
