import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { blobs, smallMlp } from './__fixtures__/synthetic.js';
import { useTempDir } from './__fixtures__/temp-dir.js';
import { initBackend } from './backend.js';
import { BatchBuffer } from './batches.js';
import { CheckpointFormatError } from './checkpoint-format-error.js';
import { manifestDigest, type Manifest, type TrainingState } from './checkpoint-manifest.js';
import { FitStreams, mixingSeed } from './fit-streams.js';
import { ManifoldMixupModel } from './model.js';
import { stepSeed } from './seeded-math-random.js';

const train = blobs(50, 3);
const dir = useTempDir('mixup-core-streams-');
const make = (mixAt: number[]) =>
  new ManifoldMixupModel({ layers: smallMlp(mixAt), inputShape: [2], numClasses: 2, seed: 11, alpha: 1 });

/** The rows of every batch fit fills, in order, as fit reads them from the data. */
async function batchesSeen(mixAt: number[], epochs: number): Promise<number[][]> {
  const seen: number[][] = [];
  const fill = BatchBuffer.prototype.fill;
  const spy = vi.spyOn(BatchBuffer.prototype, 'fill').mockImplementation(function (this: BatchBuffer, ...args) {
    const [, order, start, rows] = args;
    seen.push(Array.from({ length: rows }, (_, r) => order[start + r]));
    return fill.apply(this, args);
  });
  const model = make(mixAt);
  try {
    await model.fit(train, { epochs, batchSize: 8 });
  } finally {
    spy.mockRestore();
    model.dispose();
  }
  return seen;
}

describe("fit's two random streams", () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives models with the same seed the same batches in every epoch, whatever they mix', async () => {
    const baseline = await batchesSeen([], 3);
    const manifold = await batchesSeen([2, 4], 3);
    const input = await batchesSeen([0], 3);
    expect(baseline).toHaveLength(3 * 7); // 50 rows in batches of 8: 7 per epoch
    expect(manifold).toEqual(baseline);
    expect(input).toEqual(baseline);
    // Shuffled afresh each epoch, so epochs 2 and 3 test more than epoch 1 does.
    const epochs = [0, 1, 2].map((e) => baseline.slice(7 * e, 7 * e + 7).flat());
    expect(epochs[1]).not.toEqual(epochs[0]);
    expect(epochs[2]).not.toEqual(epochs[1]);
    for (const order of epochs) expect([...order].sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
  });

  it('shuffles a baseline as the single stream did: the order stream is mulberry32(seed)', () => {
    const streams = new FitStreams(11);
    expect(streams.states).toEqual({ order: 11, mixing: mixingSeed(11) });
    expect(mixingSeed(11)).not.toBe(11);
    // Seeds one apart give unrelated mixing seeds (mulberry32 streams of nearby seeds are shifts of one another).
    expect(Math.abs(mixingSeed(12) - mixingSeed(11))).toBeGreaterThan(2 ** 16);
    streams.order.next();
    streams.mixing.next();
    const copy = new FitStreams(0);
    copy.restore(streams.states);
    expect([copy.order.next(), copy.mixing.next()]).toEqual([streams.order.next(), streams.mixing.next()]);
  });

  it('keeps the dropout seeds of every step as they were', () => {
    expect([stepSeed(0, 0, 0), stepSeed(7, 3, 11), stepSeed(4294967295, 23, 179)]).toEqual([
      4289745439, 197898770, 3397400053,
    ]);
  });

  it('refuses to resume a checkpoint of the single-stream fit, naming training.rngState; load still reads it', async () => {
    const checkpointDir = join(dir(), 'single-stream');
    const model = make([2, 4]);
    await model.fit(train, { epochs: 1, batchSize: 8, checkpointDir });
    const path = join(checkpointDir, 'model.json');
    const manifest = JSON.parse(await readFile(path, 'utf8')) as Manifest;
    expect(manifest.training).toMatchObject({ rngStates: { order: expect.any(Number), mixing: expect.any(Number) } });
    // The previous format: one state where two are now, under a valid checksum.
    const { rngStates, ...rest } = manifest.training as TrainingState;
    const old: Manifest = { ...manifest, training: { ...rest, rngState: rngStates.order } };
    old.manifestSha256 = manifestDigest(old, (s) => createHash('sha256').update(s).digest('hex'));
    await writeFile(path, JSON.stringify(old, null, 1));

    const resumed = make([2, 4]);
    const fit = resumed.fit(train, { epochs: 2, batchSize: 8, checkpointDir });
    await expect(fit).rejects.toBeInstanceOf(CheckpointFormatError);
    await expect(fit).rejects.toMatchObject({ file: path, field: 'training.rngState' });
    await expect(fit).rejects.toThrow(/expected rngStates \{order, mixing\}, found the single random stream/);
    await resumed.load(checkpointDir);
    const weights = (m: ManifoldMixupModel) => m.weights.map((w) => Array.from(w.variable.dataSync()));
    expect(weights(resumed)).toEqual(weights(model));
    model.dispose();
    resumed.dispose();
  });
});
