import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '@manifold-mixup/random';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CheckpointFiles } from './__fixtures__/checkpoint-files.js';
import { mutateCheckpoint, type MutatedCheckpoint } from './__fixtures__/checkpoint-mutations.js';
import {
  makeCheckpointTemplate,
  settleWithin,
  templateModel,
  type Sentinel,
} from './__fixtures__/checkpoint-template.js';
import { identity, touched } from './__fixtures__/fs-touches.js';
import { useTempDir } from './__fixtures__/temp-dir.js';
import { initBackend } from './backend.js';
import { CheckpointFormatError } from './checkpoint-format-error.js';
import type { TrainingState } from './checkpoint-manifest.js';
import type { ManifoldMixupModel } from './model.js';
import { readTrainingState } from './model-io.js';

// Thousands of seeded mutations of one checkpoint, loaded by model.load and by fit's resume
// (readTrainingState): each must end in a CheckpointFormatError naming a file of the folder (and
// the field, when one is at fault) or in a load equal to the original; none may open the sentinel
// file outside the folder or /dev/zero, take a second, or hold much memory.
vi.mock('node:fs/promises', async (importOriginal) =>
  (await import('./__fixtures__/fs-touches.js')).recordingFsPromises(await importOriginal()),
);

const CASES = 3000;
const SEED = 0x5eed_c4ec;
const CASE_MS = 1000;

const root = useTempDir('mixup-core-fuzz-');
let template: CheckpointFiles;
let sentinel: Sentinel;
let fifo: string;

/** The case's files. Synchronous: thousands of cases, and each async call waits for a pool thread. */
function materialize(dir: string, c: MutatedCheckpoint): void {
  const manifest = join(dir, 'model.json');
  if (c.special === 'manifest-link-to-sentinel') symlinkSync(sentinel.path, manifest);
  else if (c.special === 'manifest-directory') mkdirSync(manifest);
  else writeFileSync(manifest, c.manifest);
  const weights = join(dir, c.weightsFile);
  if (c.special === 'weights-link-to-sentinel' || c.special === 'sentinel-hashes') symlinkSync(sentinel.path, weights);
  else if (c.special === 'weights-link-to-dev-zero') symlinkSync('/dev/zero', weights);
  else if (c.special === 'weights-fifo') linkSync(fifo, weights);
  else if (c.special === 'weights-directory') mkdirSync(weights);
  else if (c.special !== 'weights-missing') writeFileSync(weights, c.weights);
}

/** Weights and Adam moments, in the order of the checkpoint's weights file. */
function stateBytes(model: ManifoldMixupModel): Buffer {
  const adam = model.adam();
  const tensors = [...model.weights.map((w) => w.variable), ...adam.firstMoments, ...adam.secondMoments];
  return Buffer.concat(tensors.map((t) => Buffer.from((t.dataSync() as Float32Array).buffer)));
}

/** Zeros everywhere, so that a load that assigns nothing cannot pass for one equal to the original. */
function reset(model: ManifoldMixupModel): void {
  const adam = model.adam();
  for (const v of [...model.weights.map((w) => w.variable), ...adam.firstMoments, ...adam.secondMoments])
    tf.tidy(() => v.assign(tf.zerosLike(v)));
  adam.step = 0;
}

/** Why `error` is not a clear refusal of the checkpoint in `dir`, or null when it is one. */
function unclear(error: unknown, dir: string): string | null {
  if (!(error instanceof CheckpointFormatError)) return `not a CheckpointFormatError: ${String(error)}`;
  if (dirname(error.file) !== dir) return `names ${error.file}, not a file of the folder: ${error.message}`;
  const head = error.field == null ? `${error.file}: ` : `${error.file}: ${error.field}: `;
  if (!error.message.startsWith(head)) return `does not start with "${head}": ${error.message}`;
  if (error.message.includes(sentinel.sha256) || error.message.includes(sentinel.marker))
    return `quotes the sentinel: ${error.message}`;
  // One line, and no character that would reorder or hide the rest of it in a terminal.
  if (/[\n\r\u202a-\u202e\u2066-\u2069]/.test(error.message))
    return `holds line breaks or bidi controls: ${error.message}`;
  return null;
}

describe('checkpoint fuzz', () => {
  beforeAll(async () => {
    await initBackend('wasm');
    ({ template, sentinel } = await makeCheckpointTemplate(root()));
    fifo = join(root(), 'fifo');
    execFileSync('mkfifo', [fifo]);
  });

  it(`${CASES} mutated checkpoints: clear errors or loads equal to the original; nothing read outside`, async () => {
    const model = templateModel(2);
    const run = (template.manifest.training as TrainingState).run;
    const random = mulberry32(SEED);
    const failures: string[] = [];
    const fields = new Map<string, number>();
    let [wholeFile, namedField, consistent, slowest] = [0, 0, 0, 0];
    const before = process.memoryUsage();
    const peak = { rss: before.rss, arrayBuffers: before.arrayBuffers };
    const sample = () => {
      const now = process.memoryUsage();
      peak.rss = Math.max(peak.rss, now.rss);
      peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
    };
    const sampler = setInterval(sample, 5);
    try {
      // One folder for every case, emptied after each (two entries; cheaper than a folder per case).
      const dir = join(root(), 'case');
      mkdirSync(dir);
      for (let i = 0; i < CASES; i++) {
        const mutated = mutateCheckpoint({ ...template, caseDir: dir, sentinel }, random);
        materialize(dir, mutated);
        reset(model);
        const started = performance.now();
        const outcome = await settleWithin(
          i % 2 === 0 ? model.load(dir) : readTrainingState(model, dir, run, Infinity),
          CASE_MS,
        );
        slowest = Math.max(slowest, performance.now() - started);
        sample();
        let problem: string | null = null;
        if (outcome == null) {
          if (stateBytes(model).equals(template.weights)) consistent++;
          else problem = 'loaded, but not the original weights';
        } else {
          problem = unclear(outcome.error, dir);
          if (problem == null) {
            const { field } = outcome.error as CheckpointFormatError;
            if (field == null) wholeFile++;
            else namedField++;
            const kind = (field ?? '(whole file)').replace(/\[\d+\]/g, '[i]');
            fields.set(kind, (fields.get(kind) ?? 0) + 1);
          }
        }
        if (problem != null) failures.push(`case ${i} (${mutated.steps.join('; ')}): ${problem}`);
        for (const file of ['model.json', mutated.weightsFile])
          rmSync(join(dir, file), { recursive: true, force: true });
      }
    } finally {
      clearInterval(sampler);
      model.dispose();
    }
    const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
    console.log(
      `checkpoint fuzz (seed ${SEED}): ${CASES} inputs, ${wholeFile + namedField} clear errors ` +
        `(${namedField} naming a field, ${wholeFile} a whole file; ${fields.size} kinds), ${consistent} consistent loads, ` +
        `slowest case ${slowest.toFixed(1)} ms, peak memory +${mb(peak.rss - before.rss)} MB rss, ` +
        `+${mb(peak.arrayBuffers - before.arrayBuffers)} MB array buffers`,
    );
    expect(failures.slice(0, 10)).toEqual([]);
    expect(wholeFile + namedField + consistent).toBe(CASES);
    expect(touched.has(identity(sentinel.path)!), 'the sentinel outside the folder was opened').toBe(false);
    expect(touched.has(identity('/dev/zero')!), '/dev/zero was opened').toBe(false);
    expect(slowest).toBeLessThan(CASE_MS);
    // Nothing the size of a device's endless stream or of a claimed [1e9, 1e9] tensor was allocated.
    expect(peak.arrayBuffers - before.arrayBuffers).toBeLessThan(64 * 2 ** 20);
    expect(peak.rss - before.rss).toBeLessThan(256 * 2 ** 20);
    // The mutations reach the checks behind the checksum, and some leave a loadable checkpoint.
    expect(fields.size).toBeGreaterThan(20);
    expect(consistent).toBeGreaterThan(20);
  });
});
