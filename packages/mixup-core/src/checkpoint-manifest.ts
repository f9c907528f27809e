import { CheckpointFormatError } from './checkpoint-format-error.js';
import { fieldOf, ManifestFields, preview } from './manifest-fields.js';
import type { StreamStates } from './fit-streams.js';
import { parseJsonFile } from './parse-json-file.js';
import type { EpochRecord } from './types.js';

// A checkpoint's model.json: what it holds, and the checks that a manifest from elsewhere must pass
// before any file it names is opened or anything it sizes is allocated. Platform-free: the caller
// reads the file (bounded by MAX_MANIFEST_BYTES) and supplies the sha256.

export const CHECKPOINT_FORMAT = 'manifold-mixup/model';
export const CHECKPOINT_VERSION = 1;
export const MANIFEST_FILE = 'model.json';
/** A larger model.json is refused before it is parsed; ours hold a few kB (one entry per tensor and epoch). */
export const MAX_MANIFEST_BYTES = 1 << 20;
/** Weights and Adam moments together; larger is refused before the weights file is opened. */
export const MAX_WEIGHTS_BYTES = 2 ** 31;
/** Every tensor is float32. */
const FLOAT32_BYTES = 4;

/** What fit needs, besides weights and optimizer, to continue a run exactly. */
export interface TrainingState {
  /** The settings that must match for a resumed run to equal an uninterrupted one. */
  run: Record<string, unknown>;
  /** fit's two streams (epoch order, mixing), where the next epoch continues them. */
  rngStates: StreamStates;
  epochs: EpochRecord[];
}

/**
 * The training state of a checkpoint written when fit drew epoch order and mixing from one stream
 * (`rngState`): `load` still reads its weights, fit refuses to resume it (see readTrainingState).
 */
export interface SingleStreamTrainingState {
  run: Record<string, unknown>;
  rngState: number;
  epochs: EpochRecord[];
}

export interface TensorEntry {
  name: string;
  shape: number[];
  offset: number;
}

export interface Manifest {
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
  training: TrainingState | SingleStreamTrainingState | null;
  /** sha256 of this manifest's JSON without this field: edits that still parse are caught too. */
  manifestSha256?: string;
}

type Sha256 = (data: string) => string;

/** The weights file's name: content-addressed, a plain name inside the checkpoint folder. */
export function weightsFileName(sha256: string): string {
  return `weights-${sha256.slice(0, 16)}.bin`;
}

export function manifestDigest(manifest: Manifest, sha256: Sha256): string {
  const { manifestSha256: _omitted, ...rest } = manifest;
  return sha256(JSON.stringify(rest));
}

const TOP_LEVEL = {
  required: [
    'format',
    'version',
    'weightsFile',
    'sha256',
    'config',
    'weights',
    'optimizer',
    'training',
    'manifestSha256',
  ],
};
const ENTRY = { required: ['name', 'shape', 'offset'] };
const OPTIMIZER = { required: ['step', 'config', 'firstMoments', 'secondMoments'] };
const TRAINING = { required: ['run', 'rngStates', 'epochs'] };
const SINGLE_STREAM_TRAINING = { required: ['run', 'rngState', 'epochs'] };
const STREAMS = { required: ['order', 'mixing'] };
const EPOCH = { required: ['epoch', 'loss', 'learningRate', 'seconds'], optional: ['valLoss', 'valAccuracy'] };

/**
 * The manifest in `text` (the content of `file`), checked whole: its own checksum first (an edit
 * that still parses is caught as such), then every field, every shape and the layout of the
 * weights file, whose exact size in bytes is returned. Throws CheckpointFormatError naming the
 * file and the field.
 */
export function parseManifest(
  text: string,
  file: string,
  sha256: Sha256,
): { manifest: Manifest; weightsBytes: number } {
  if (text.trim() === '')
    throw new CheckpointFormatError(
      file,
      undefined,
      'the file is empty (an interrupted copy?); expected a checkpoint manifest',
    );
  const parsed = parseJsonFile(text, file);
  if (parsed == null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new CheckpointFormatError(
      file,
      undefined,
      `expected a JSON object (a checkpoint manifest), found ${preview(parsed)}`,
    );
  const manifest = parsed as Manifest;
  if (typeof manifest.manifestSha256 !== 'string')
    throw new CheckpointFormatError(
      file,
      'manifestSha256',
      "missing; expected the manifest's own sha256 (a checkpoint written before it was added cannot be verified)",
    );
  if (manifest.format !== CHECKPOINT_FORMAT)
    throw new CheckpointFormatError(
      file,
      'format',
      `expected "${CHECKPOINT_FORMAT}" (a checkpoint of @manifold-mixup/mixup-core), found ${preview(manifest.format)}`,
    );
  if (manifest.version !== CHECKPOINT_VERSION)
    throw new CheckpointFormatError(
      file,
      'version',
      `expected ${CHECKPOINT_VERSION}, found ${preview(manifest.version)} (another version of the ${CHECKPOINT_FORMAT} format)`,
    );
  let digest: string;
  try {
    digest = manifestDigest(manifest, sha256);
  } catch (error) {
    // JSON.stringify recurses: a manifest nested thousands deep overflows the stack.
    throw new CheckpointFormatError(file, undefined, 'nested too deeply to checksum', { cause: error });
  }
  if (manifest.manifestSha256 !== digest)
    throw new CheckpointFormatError(
      file,
      'manifestSha256',
      'its contents do not match the checksum written with them; the file was edited or corrupted',
    );
  return { manifest, weightsBytes: checkFields(new ManifestFields(file), manifest) };
}

/** Every field of a checksummed manifest; returns the weights file's size. */
function checkFields(fields: ManifestFields, manifest: Manifest): number {
  fields.object(manifest, '', TOP_LEVEL);
  const sha256 = fields.string(manifest.sha256, 'sha256');
  if (!/^[0-9a-f]{64}$/.test(sha256)) fields.fail('sha256', '64 lowercase hexadecimal digits', sha256);
  if (manifest.weightsFile !== weightsFileName(sha256))
    fields.fail(
      'weightsFile',
      `"weights-<the first 16 digits of sha256>.bin", a file in the checkpoint folder (here ${weightsFileName(sha256)})`,
      manifest.weightsFile,
    );
  fields.object(manifest.config, 'config');
  const layout = { bytes: 0 };
  checkEntries(fields, manifest.weights, 'weights', layout);
  if (manifest.optimizer !== null) {
    const optimizer = fields.object(manifest.optimizer, 'optimizer', OPTIMIZER);
    fields.integer(optimizer.step, 'optimizer.step', 0);
    const config = fields.object(optimizer.config, 'optimizer.config');
    for (const [key, value] of Object.entries(config)) fields.number(value, fieldOf('optimizer.config', key));
    const first = checkEntries(fields, optimizer.firstMoments, 'optimizer.firstMoments', layout);
    const second = checkEntries(fields, optimizer.secondMoments, 'optimizer.secondMoments', layout);
    if (first !== second)
      fields.fail('optimizer.secondMoments', `${first} entries, as firstMoments`, `${second} entries`);
  }
  if (manifest.training !== null) checkTraining(fields, manifest.training);
  return layout.bytes;
}

/**
 * Tensor entries, laid out back to back from `layout.bytes` (which they advance): each offset is
 * where the previous tensor ends, as saveModel writes them. Returns the count.
 */
function checkEntries(fields: ManifestFields, value: unknown, field: string, layout: { bytes: number }): number {
  const entries = fields.array(value, field);
  entries.forEach((entry, i) => {
    const at = `${field}[${i}]`;
    const { name, shape, offset } = fields.object(entry, at, ENTRY);
    fields.string(name, `${at}.name`);
    const { bytes } = fields.shapeBytes(shape, `${at}.shape`, FLOAT32_BYTES, MAX_WEIGHTS_BYTES);
    if (offset !== layout.bytes)
      fields.fail(`${at}.offset`, `${layout.bytes} (where the previous tensor ends)`, offset);
    layout.bytes = fields.total(layout.bytes + bytes, `${at}.shape`, MAX_WEIGHTS_BYTES);
  });
  return entries.length;
}

function checkTraining(fields: ManifestFields, value: unknown): void {
  const singleStream = value != null && typeof value === 'object' && 'rngState' in value && !('rngStates' in value);
  const training = fields.object(value, 'training', singleStream ? SINGLE_STREAM_TRAINING : TRAINING);
  fields.object(training.run, 'training.run');
  if (singleStream) fields.integer(training.rngState, 'training.rngState', 0, 2 ** 32 - 1);
  else {
    const streams = fields.object(training.rngStates, 'training.rngStates', STREAMS);
    for (const key of STREAMS.required) fields.integer(streams[key], `training.rngStates.${key}`, 0, 2 ** 32 - 1);
  }
  fields.array(training.epochs, 'training.epochs').forEach((record, i) => {
    const at = `training.epochs[${i}]`;
    const epoch = fields.object(record, at, EPOCH);
    fields.integer(epoch.epoch, `${at}.epoch`, i + 1, i + 1);
    for (const key of ['loss', 'learningRate', 'seconds']) fields.number(epoch[key], `${at}.${key}`);
    // JSON writes a non-finite validation loss as null.
    for (const key of ['valLoss', 'valAccuracy']) if (key in epoch) fields.number(epoch[key], `${at}.${key}`, true);
  });
}
