import { createHash, join, mkdir, readdir, readRegularFile, rm } from './checkpoint-fs.js';
import * as tf from '@tensorflow/tfjs-core';
import { writeFileAtomic } from './atomic-file.js';
import { CheckpointFormatError } from './checkpoint-format-error.js';
import {
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  MANIFEST_FILE,
  MAX_MANIFEST_BYTES,
  manifestDigest,
  parseManifest,
  weightsFileName,
  type Manifest,
  type SingleStreamTrainingState,
  type TensorEntry,
  type TrainingState,
} from './checkpoint-manifest.js';
import { assertFiniteValues, indexOfNonFinite } from './finite-guard.js';
import { preview } from './manifest-fields.js';
import type { ManifoldMixupModel } from './model.js';

export type { TrainingState } from './checkpoint-manifest.js';

function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function describe(model: ManifoldMixupModel): Record<string, unknown> {
  return {
    inputShape: model.inputShape,
    numClasses: model.numClasses,
    alpha: model.alpha,
    seed: model.seed,
    lambdaMode: model.lambdaMode,
    logitsSource: model.logitsSource,
    layers: model.layers.map((l, i) => ({ name: l.name, className: l.getClassName(), eligible: model.eligible[i] })),
    backend: tf.getBackend(),
    tfjsVersion: tf.version_core,
  };
}

/** Save weights, optimizer state, config (and, from fit, the training state) to `dir`. */
export async function saveModel(
  model: ManifoldMixupModel,
  dir: string,
  training: TrainingState | null = null,
): Promise<void> {
  const chunks: Float32Array[] = [];
  let offset = 0;
  const entry = async (name: string, tensor: tf.Tensor): Promise<TensorEntry> => {
    const values = (await tensor.data()) as Float32Array;
    assertFiniteValues(values, name, join(dir, MANIFEST_FILE));
    chunks.push(values);
    const e = { name, shape: tensor.shape, offset };
    offset += values.byteLength;
    return e;
  };
  const weights: TensorEntry[] = [];
  for (const { name, variable } of model.weights) weights.push(await entry(name, variable));
  let optimizer: Manifest['optimizer'] = null;
  if (model.optimizer != null) {
    const adam = model.optimizer;
    const firstMoments: TensorEntry[] = [];
    const secondMoments: TensorEntry[] = [];
    for (const m of adam.firstMoments) firstMoments.push(await entry('m', m));
    for (const v of adam.secondMoments) secondMoments.push(await entry('v', v));
    optimizer = { step: adam.step, config: { ...adam.config }, firstMoments, secondMoments };
  }
  const bytes = new Uint8Array(offset);
  let at = 0;
  for (const c of chunks) {
    bytes.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), at);
    at += c.byteLength;
  }
  const sha256 = sha256Hex(bytes);
  const weightsFile = weightsFileName(sha256);
  const manifest: Manifest = {
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    weightsFile,
    sha256,
    config: describe(model),
    weights,
    optimizer,
    training,
  };
  manifest.manifestSha256 = manifestDigest(manifest, sha256Hex);
  await mkdir(dir, { recursive: true });
  // The binary goes first under a content-addressed name; the manifest's rename commits it.
  await writeFileAtomic(join(dir, weightsFile), bytes);
  await writeFileAtomic(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
  for (const file of await readdir(dir)) {
    if (/^weights-[0-9a-f]+\.bin$/.test(file) && file !== weightsFile) await rm(join(dir, file), { force: true });
  }
}

/** A checkpoint's manifest, read and checked; its weights file not yet opened. */
interface Checkpoint {
  manifest: Manifest;
  /** The exact size of the weights file, from the manifest's shapes. */
  weightsBytes: number;
  manifestPath: string;
}

/** The manifest in `dir` (null when there is none), checked whole before anything it names is read. */
async function readManifest(dir: string): Promise<Checkpoint | null> {
  const manifestPath = join(dir, MANIFEST_FILE);
  const bytes = await readRegularFile(dir, MANIFEST_FILE, { max: MAX_MANIFEST_BYTES, what: 'a checkpoint manifest' });
  if (bytes == null) return null;
  return { ...parseManifest(new TextDecoder().decode(bytes), manifestPath, sha256Hex), manifestPath };
}

/** A manifest entry (and its field name) and the variable it fills, got once the checks pass. */
type Fill = { entry: TensorEntry; field: string; target: () => tf.Variable };

/** Pair the manifest's tensors with the model's, refusing another count or shape. Reads no file. */
function fills(model: ManifoldMixupModel, { manifest, manifestPath }: Checkpoint): Fill[] {
  const pair = (
    variables: tf.Variable[],
    entries: TensorEntry[],
    field: string,
    what: string,
    target: (i: number) => tf.Variable,
  ): Fill[] => {
    if (entries.length !== variables.length)
      throw new CheckpointFormatError(
        manifestPath,
        field,
        `expected ${variables.length} ${what} for this model, found ${entries.length}`,
      );
    return variables.map((variable, i) => {
      const entry = entries[i];
      if (entry.shape.length !== variable.shape.length || entry.shape.some((d, j) => d !== variable.shape[j]))
        throw new CheckpointFormatError(
          manifestPath,
          `${field}[${i}].shape`,
          `expected [${variable.shape.join(', ')}] (${variable.name} of this model), found [${entry.shape.join(', ')}]`,
        );
      return { entry, field: `${field}[${i}]`, target: () => target(i) };
    });
  };
  const weights = model.weights.map((w) => w.variable);
  const result = pair(weights, manifest.weights, 'weights', 'weight tensors', (i) => weights[i]);
  const o = manifest.optimizer;
  if (o != null) {
    // The optimizer's variables, or those it will be created with (model.adam() allocates, so only
    // after the checks).
    const variables = model.optimizer?.variables ?? model.trainableVariables;
    const first = (i: number) => model.adam().firstMoments[i];
    const second = (i: number) => model.adam().secondMoments[i];
    result.push(...pair(variables, o.firstMoments, 'optimizer.firstMoments', 'moments', first));
    result.push(...pair(variables, o.secondMoments, 'optimizer.secondMoments', 'moments', second));
  }
  return result;
}

/** The weights file: exactly the size the manifest implies, and the content its sha256 names. */
async function readWeights(dir: string, { manifest, weightsBytes, manifestPath }: Checkpoint): Promise<Uint8Array> {
  const path = join(dir, manifest.weightsFile);
  const size = { exact: weightsBytes, what: `the size the tensor shapes of ${MANIFEST_FILE} imply` };
  const bytes = await readRegularFile(dir, manifest.weightsFile, size);
  if (bytes == null) throw new CheckpointFormatError(path, undefined, `does not exist (${manifestPath} names it)`);
  const sha256 = sha256Hex(bytes);
  if (sha256 !== manifest.sha256)
    throw new CheckpointFormatError(
      path,
      undefined,
      `expected sha256 ${manifest.sha256}, found ${sha256} (corrupt or mismatched file)`,
    );
  return bytes;
}

/** Check and read everything first, then assign: a refused checkpoint leaves the model as it was. */
async function applyCheckpoint(model: ManifoldMixupModel, dir: string, checkpoint: Checkpoint): Promise<void> {
  const plan = fills(model, checkpoint);
  const bytes = await readWeights(dir, checkpoint);
  const path = join(dir, checkpoint.manifest.weightsFile);
  const values = plan.map(({ entry, field }) => {
    const count = entry.shape.reduce((a, b) => a * b, 1);
    const array = new Float32Array(bytes.slice(entry.offset, entry.offset + count * 4).buffer);
    const bad = indexOfNonFinite(array);
    if (bad >= 0)
      throw new CheckpointFormatError(
        path,
        field,
        `holds ${array[bad]} at index ${bad}; checkpoints hold finite values`,
      );
    return array;
  });
  plan.forEach(({ entry, target }, i) => {
    const value = tf.tensor(values[i], entry.shape);
    target().assign(value);
    value.dispose();
  });
  if (checkpoint.manifest.optimizer != null) model.adam().step = checkpoint.manifest.optimizer.step;
}

/** Load weights and optimizer state into `model`; returns the stored training state. */
export async function loadModel(
  model: ManifoldMixupModel,
  dir: string,
): Promise<TrainingState | SingleStreamTrainingState | null> {
  const checkpoint = await readManifest(dir);
  if (checkpoint == null) throw new Error(`load: ${join(dir, MANIFEST_FILE)} does not exist`);
  await applyCheckpoint(model, dir, checkpoint);
  return checkpoint.manifest.training;
}

/**
 * The checkpoint fit should resume from: null when `dir` holds none. Throws a CheckpointFormatError,
 * before the model is touched, when it was written by a run with different settings (resuming would
 * not reproduce that run), when it holds the single random stream of an earlier fit (`rngState`; fit
 * now draws epoch order and mixing from two, so no continuation reproduces either that run or a new
 * one), or when it is already past the `epochs` this fit asks for.
 */
export async function readTrainingState(
  model: ManifoldMixupModel,
  dir: string,
  run: Record<string, unknown>,
  epochs: number,
): Promise<TrainingState | null> {
  const checkpoint = await readManifest(dir);
  if (checkpoint == null) return null;
  const { manifest, manifestPath } = checkpoint;
  const training = manifest.training;
  if (training == null)
    throw new CheckpointFormatError(
      manifestPath,
      'training',
      'null: a saved model without training state, not a checkpoint of fit',
    );
  if ('rngState' in training)
    throw new CheckpointFormatError(
      manifestPath,
      'training.rngState',
      'expected rngStates {order, mixing}, found the single random stream of a checkpoint written before fit drew epoch order and mixing from two streams; it cannot be resumed exactly (delete the folder to train from scratch; load() still reads its weights)',
    );
  for (const [key, value] of Object.entries(run)) {
    if (JSON.stringify(training.run[key]) !== JSON.stringify(value)) {
      throw new CheckpointFormatError(
        manifestPath,
        `training.run.${key}`,
        `checkpoint was written with ${key} = ${preview(training.run[key])}, this fit uses ${JSON.stringify(value)}`,
      );
    }
  }
  if (training.epochs.length > epochs) {
    throw new CheckpointFormatError(
      manifestPath,
      'training.epochs',
      `the checkpoint is at epoch ${training.epochs.length}, past the ${epochs} epochs asked for`,
    );
  }
  await applyCheckpoint(model, dir, checkpoint);
  return training;
}
