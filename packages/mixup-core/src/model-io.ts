import { createHash, join, mkdir, readdir, readFile, rm } from './checkpoint-fs.js';
import * as tf from '@tensorflow/tfjs-core';
import { writeFileAtomic } from './atomic-file.js';
import { assertFiniteValues } from './finite-guard.js';
import { parseJsonFile } from './parse-json-file.js';
import type { ManifoldMixupModel } from './model.js';
import type { EpochRecord } from './types.js';

const FORMAT = 'manifold-mixup/model';
const VERSION = 1;
const MANIFEST = 'model.json';

/** What fit needs, besides weights and optimizer, to continue a run exactly. */
export interface TrainingState {
  /** The settings that must match for a resumed run to equal an uninterrupted one. */
  run: Record<string, unknown>;
  rngState: number;
  epochs: EpochRecord[];
}

interface TensorEntry {
  name: string;
  shape: number[];
  offset: number;
}
interface Manifest {
  format: string;
  version: number;
  /** Float32, little-endian, concatenated in the order of `weights` then the optimizer's moments. */
  weightsFile: string;
  sha256: string;
  config: Record<string, unknown>;
  weights: TensorEntry[];
  optimizer: {
    step: number;
    config: Record<string, number>;
    firstMoments: TensorEntry[];
    secondMoments: TensorEntry[];
  } | null;
  training: TrainingState | null;
  /** sha256 of this manifest's JSON without this field: edits that still parse are caught too. */
  manifestSha256?: string;
}

function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function manifestDigest(manifest: Manifest): string {
  const { manifestSha256: _omitted, ...rest } = manifest;
  return sha256Hex(JSON.stringify(rest));
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
    assertFiniteValues(values, name, join(dir, MANIFEST));
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
  const weightsFile = `weights-${sha256.slice(0, 16)}.bin`;
  const manifest: Manifest = {
    format: FORMAT,
    version: VERSION,
    weightsFile,
    sha256,
    config: describe(model),
    weights,
    optimizer,
    training,
  };
  manifest.manifestSha256 = manifestDigest(manifest);
  await mkdir(dir, { recursive: true });
  // The binary goes first under a content-addressed name; the manifest's rename commits it.
  await writeFileAtomic(join(dir, weightsFile), bytes);
  await writeFileAtomic(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  for (const file of await readdir(dir)) {
    if (/^weights-[0-9a-f]+\.bin$/.test(file) && file !== weightsFile) await rm(join(dir, file), { force: true });
  }
}

/** The checkpoint manifest in `text`: a JSON object carrying its own checksum; errors name the file. */
function parseManifest(text: string, path: string): Manifest {
  if (text.trim() === '')
    throw new Error(`${path}: the file is empty (an interrupted copy?); expected a checkpoint manifest`);
  const parsed = parseJsonFile(text, path);
  if (parsed == null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${path}: expected a JSON object (a checkpoint manifest), found ${JSON.stringify(parsed)}`);
  const manifest = parsed as Manifest;
  if (typeof manifest.manifestSha256 !== 'string')
    throw new Error(
      `${path}: field manifestSha256 is missing; expected the manifest's own sha256 (a checkpoint written before it was added cannot be verified)`,
    );
  return manifest;
}

async function readManifest(dir: string): Promise<{ manifest: Manifest; bytes: Uint8Array } | null> {
  const manifestPath = join(dir, MANIFEST);
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const manifest = parseManifest(text, manifestPath);
  if (manifest.format !== FORMAT || manifest.version !== VERSION) {
    throw new Error(
      `${manifestPath}: expected format ${FORMAT} version ${VERSION}, found ${manifest.format} version ${manifest.version}`,
    );
  }
  if (manifest.manifestSha256 !== manifestDigest(manifest)) {
    throw new Error(
      `${manifestPath}: its contents do not match the checksum written with them (manifestSha256); the file was edited or corrupted`,
    );
  }
  const binPath = join(dir, manifest.weightsFile);
  const bytes = new Uint8Array(await readFile(binPath));
  const sha256 = sha256Hex(bytes);
  if (sha256 !== manifest.sha256)
    throw new Error(`${binPath}: expected sha256 ${manifest.sha256}, found ${sha256} (corrupt or mismatched file)`);
  return { manifest, bytes };
}

function tensorFrom(bytes: Uint8Array, entry: TensorEntry, expectedShape: number[], where: string): tf.Tensor {
  if (entry.shape.length !== expectedShape.length || entry.shape.some((d, i) => d !== expectedShape[i])) {
    throw new Error(`${where}: expected shape [${expectedShape.join(', ')}], found [${entry.shape.join(', ')}]`);
  }
  const size = expectedShape.reduce((a, b) => a * b, 1);
  const end = entry.offset + size * 4;
  if (end > bytes.byteLength)
    throw new Error(`${where}: the weights file ends at byte ${bytes.byteLength}, before ${end}`);
  const values = new Float32Array(bytes.slice(entry.offset, end).buffer);
  return tf.tensor(values, expectedShape);
}

function assign(variable: tf.Variable, value: tf.Tensor): void {
  variable.assign(value);
  value.dispose();
}

/** Load weights and optimizer state into `model`; returns the stored training state. */
export async function loadModel(model: ManifoldMixupModel, dir: string): Promise<TrainingState | null> {
  const read = await readManifest(dir);
  if (read == null) throw new Error(`load: ${join(dir, MANIFEST)} does not exist`);
  const { manifest, bytes } = read;
  const where = join(dir, MANIFEST);
  const targets = model.weights;
  if (manifest.weights.length !== targets.length) {
    throw new Error(
      `${where}: expected ${targets.length} weight tensors for this model, found ${manifest.weights.length}`,
    );
  }
  targets.forEach(({ name, variable }, i) =>
    assign(variable, tensorFrom(bytes, manifest.weights[i], variable.shape, `${where}: weights[${i}] (${name})`)),
  );
  if (manifest.optimizer != null) {
    const adam = model.adam();
    const o = manifest.optimizer;
    if (o.firstMoments.length !== adam.variables.length || o.secondMoments.length !== adam.variables.length) {
      throw new Error(
        `${where}: optimizer: expected ${adam.variables.length} moments each, found ${o.firstMoments.length} and ${o.secondMoments.length}`,
      );
    }
    adam.variables.forEach((v, i) => {
      assign(
        adam.firstMoments[i],
        tensorFrom(bytes, o.firstMoments[i], v.shape, `${where}: optimizer.firstMoments[${i}]`),
      );
      assign(
        adam.secondMoments[i],
        tensorFrom(bytes, o.secondMoments[i], v.shape, `${where}: optimizer.secondMoments[${i}]`),
      );
    });
    adam.step = o.step;
  }
  return manifest.training;
}

/**
 * The checkpoint fit should resume from: null when `dir` holds none. Throws when it was
 * written by a run with different settings (resuming would not reproduce that run).
 */
export async function readTrainingState(
  model: ManifoldMixupModel,
  dir: string,
  run: Record<string, unknown>,
): Promise<TrainingState | null> {
  const read = await readManifest(dir);
  if (read == null) return null;
  const training = read.manifest.training;
  const where = join(dir, MANIFEST);
  if (training == null) throw new Error(`${where}: a saved model without training state, not a checkpoint of fit`);
  for (const [key, value] of Object.entries(run)) {
    if (JSON.stringify(training.run[key]) !== JSON.stringify(value)) {
      throw new Error(
        `${where}: checkpoint was written with ${key} = ${JSON.stringify(training.run[key])}, this fit uses ${JSON.stringify(value)}`,
      );
    }
  }
  await loadModel(model, dir);
  return training;
}
