import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TrainingState } from '../checkpoint-manifest.js';
import { ManifoldMixupModel } from '../model.js';
import { readCheckpointFiles, sha256Hex, writeManifest, type CheckpointFiles } from './checkpoint-files.js';
import { blobs, smallMlp } from './synthetic.js';

// What the tests of checkpoints from elsewhere start from: a checkpoint of fit, and a sentinel file
// outside every folder they load, which no load may open, hash or quote.

export interface Sentinel {
  path: string;
  /** A line of it, unique to the run. */
  marker: string;
  sha256: string;
}

/** The model the template was trained from (seed 1), or one like it with another seed. */
export const templateModel = (seed = 1) =>
  new ManifoldMixupModel({ layers: smallMlp(), inputShape: [2], numClasses: 2, seed });

/**
 * `root`/template: one epoch of fit (weights, Adam moments, training state), its timing-dependent
 * epoch seconds fixed so that every run holds the same bytes; `root`/sentinel.bin: text the size
 * of the weights file (so that a size check alone cannot be what refuses it).
 */
export async function makeCheckpointTemplate(root: string): Promise<{ template: CheckpointFiles; sentinel: Sentinel }> {
  const dir = join(root, 'template');
  const model = templateModel();
  await model.fit(blobs(30, 3), { epochs: 1, batchSize: 10, checkpointDir: dir });
  model.dispose();
  const saved = await readCheckpointFiles(dir);
  for (const epoch of (saved.manifest.training as TrainingState).epochs) epoch.seconds = 1;
  await writeManifest(dir, saved.manifest);
  const template = await readCheckpointFiles(dir);
  const marker = `SENTINEL-${sha256Hex(root).slice(0, 12)}`;
  const text = `${marker}\n`.repeat(template.weights.length).slice(0, template.weights.length);
  const sentinel = { path: join(root, 'sentinel.bin'), marker, sha256: sha256Hex(text) };
  await writeFile(sentinel.path, text);
  return { template, sentinel };
}

/** How `promise` ended: null when it resolved, else its error (a timeout error after `ms`). */
export async function settleWithin(promise: Promise<unknown>, ms: number): Promise<{ error: unknown } | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ error: unknown }>((resolve) => {
    timer = setTimeout(() => resolve({ error: new Error(`still running after ${ms} ms (a hang)`) }), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        () => null,
        (error: unknown) => ({ error }),
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
