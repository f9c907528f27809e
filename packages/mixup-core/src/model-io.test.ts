import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { layers } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { blobs, smallMlp } from './__fixtures__/synthetic.js';
import { initBackend } from './backend.js';
import { ManifoldMixupModel } from './model.js';
import { useTempDir } from './__fixtures__/temp-dir.js';

const dir = useTempDir('mixup-core-io-');
const data = blobs(30, 3);

describe('save and load', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('round-trips weights and optimizer state into a model built with the same layers', async () => {
    const saved = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 1 });
    await saved.fit(data, { epochs: 1, batchSize: 10 });
    await saved.save(join(dir(), 'a'));
    const loaded = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 99 });
    await loaded.load(join(dir(), 'a'));
    expect(await loaded.predict(data.x)).toEqual(await saved.predict(data.x));
    expect(loaded.optimizer?.step).toBe(3);
    // Same optimizer state: one more identical epoch keeps them identical.
    await saved.fit(data, { epochs: 1, batchSize: 10, seed: 5 });
    await loaded.fit(data, { epochs: 1, batchSize: 10, seed: 5 });
    expect(await loaded.predict(data.x)).toEqual(await saved.predict(data.x));
    const manifest = JSON.parse(await readFile(join(dir(), 'a', 'model.json'), 'utf8'));
    expect(manifest.config.layers.map((l: { eligible: boolean }) => l.eligible)).toEqual([
      false,
      false,
      true,
      false,
      true,
    ]);
    expect((await readdir(join(dir(), 'a'))).some((f) => f.includes('.tmp'))).toBe(false);
    saved.dispose();
    loaded.dispose();
  });

  it('refuses a different architecture, a missing directory and a corrupt weights file', async () => {
    const small = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2 });
    await small.save(join(dir(), 'b'));
    const wider = new ManifoldMixupModel({
      layers: [
        [layers.dense({ units: 8 }), false],
        [layers.dense({ units: 2 }), false],
      ],
      inputShape: [2],
      numClasses: 2,
    });
    await expect(wider.load(join(dir(), 'b'))).rejects.toThrow(/expected 4 weight tensors for this model, found 6/);
    await expect(small.load(join(dir(), 'missing'))).rejects.toThrow(/model\.json does not exist/);
    const bin = (await readdir(join(dir(), 'b'))).find((f) => f.endsWith('.bin'))!;
    const bytes = await readFile(join(dir(), 'b', bin));
    bytes[0] ^= 0xff;
    await writeFile(join(dir(), 'b', bin), bytes);
    await expect(small.load(join(dir(), 'b'))).rejects.toThrow(/expected sha256 .* \(corrupt or mismatched file\)/);
    small.dispose();
    wider.dispose();
  });

  it('checks the manifest itself: empty, truncated or edited model.json files are refused, naming the file', async () => {
    const model = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 1 });
    const checkpointDir = join(dir(), 'integrity');
    await model.fit(data, { epochs: 1, batchSize: 10, checkpointDir });
    const path = join(checkpointDir, 'model.json');
    const original = await readFile(path, 'utf8');
    const resume = () => model.fit(data, { epochs: 2, batchSize: 10, checkpointDir });
    const cases: Array<[string, string, string | RegExp]> = [
      ['empty', '', `${path}: the file is empty (an interrupted copy?); expected a checkpoint manifest`],
      [
        'truncated',
        original.slice(0, original.length >> 1),
        new RegExp(`^${path}: not valid JSON \\(truncated or corrupted\\?\\)`),
      ],
      ['not an object', '[1, 2]', `${path}: expected a JSON object (a checkpoint manifest), found [1,2]`],
      [
        'an edited random-number state',
        original.replace(/"order": (\d+)/, (_, n: string) => `"order": ${Number(n) + 1}`),
        `${path}: manifestSha256: its contents do not match the checksum written with them; the file was edited or corrupted`,
      ],
      [
        'a shifted offset',
        original.replace(/"offset": 128\b/, '"offset": 132'),
        `${path}: manifestSha256: its contents do not match the checksum written with them`,
      ],
      ['no checksum', original.replace(/,\s*"manifestSha256": "[0-9a-f]+"/, ''), `${path}: manifestSha256: missing`],
    ];
    for (const [what, text, message] of cases) {
      expect(text, what).not.toBe(original);
      await writeFile(path, text);
      await expect(resume(), what).rejects.toThrow(message);
      await expect(model.load(checkpointDir), what).rejects.toThrow(message);
    }
    await writeFile(path, original);
    await expect(resume()).resolves.toMatchObject({ resumedEpochs: 1 });
    model.dispose();
  });

  it('refuses other shapes, another format, and a saved model given as a checkpoint; keeps one weights file', async () => {
    const model = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed: 1 });
    const target = join(dir(), 'shapes');
    await model.save(target);
    await model.fit(data, { epochs: 1, batchSize: 10 });
    await model.save(target); // new weights: the previous content-addressed file is removed
    expect((await readdir(target)).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    // Same number of weight tensors, other shapes: named with the expected and found shape.
    const wider = new ManifoldMixupModel({ layers: smallMlp(), inputShape: [3], numClasses: 2 });
    await expect(wider.load(target)).rejects.toThrow(
      /model\.json: weights\[0\]\.shape: expected \[3, 16\] \(.+ of this model\), found \[2, 16\]/,
    );
    // A saved model is not a checkpoint of fit.
    await expect(model.fit(data, { epochs: 2, batchSize: 10, checkpointDir: target })).rejects.toThrow(
      'a saved model without training state, not a checkpoint of fit',
    );
    // Another format, with a valid checksum (a file from another program or version).
    const path = join(target, 'model.json');
    const manifest = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    delete manifest.manifestSha256;
    manifest.version = 2;
    const digest = createHash('sha256').update(JSON.stringify(manifest)).digest('hex');
    await writeFile(path, JSON.stringify({ ...manifest, manifestSha256: digest }));
    await expect(model.load(target)).rejects.toThrow(
      `${path}: version: expected 1, found 2 (another version of the manifold-mixup/model format)`,
    );
    wider.dispose();
    model.dispose();
  });
});
