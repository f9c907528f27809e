import { describeFound, typeError } from '@manifold-mixup/errors';
import { basename, dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { writeFileAtomic } from './atomic-file.js';
import { CheckpointFormatError } from './checkpoint-format-error.js';
import { MAX_WEIGHTS_BYTES } from './checkpoint-manifest.js';
import { parseJsonFile } from './parse-json-file.js';
import { readRegularFile } from './regular-file.js';
import { MAX_MODEL_JSON_BYTES, weightFilesOf, type WeightFiles } from './tfjs-weights-manifest.js';

// tf.io handlers for a directory in Node, in tfjs-node's layout (model.json + weights.bin), so
// `model.save('file://dir')` and `tf.loadLayersModel('file://dir/model.json')` work without
// tfjs-node and its native library. Files are written atomically: weights first, then the
// model.json that refers to them. Loading reads regular files of the folder only, of the sizes the
// model.json implies (a folder from elsewhere is untrusted input). Node only: browsers get
// file-system-io.browser.ts.

const MODEL_JSON = 'model.json';
const WEIGHTS_BIN = 'weights.bin';
const SCHEME = 'file://';

function weightBytes(data: tf.io.WeightData | undefined): Uint8Array {
  if (data == null) return new Uint8Array(0);
  return new Uint8Array(Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data);
}

async function readJson(path: string): Promise<tf.io.ModelJSON> {
  let bytes: Uint8Array | null;
  try {
    bytes = await readRegularFile(dirname(path), basename(path), {
      max: MAX_MODEL_JSON_BYTES,
      what: 'a tf.io model.json',
    });
  } catch (error) {
    if (error instanceof CheckpointFormatError) throw error;
    throw new Error(`${path}: cannot read the model (${(error as Error).message})`, { cause: error });
  }
  if (bytes == null) throw new Error(`${path}: cannot read the model (it does not exist)`);
  return parseJsonFile(new TextDecoder().decode(bytes), path) as tf.io.ModelJSON;
}

/** The content of the weight files, concatenated: each a regular file, together the size the specs imply. */
async function readWeightFiles(jsonPath: string, files: WeightFiles): Promise<ArrayBuffer> {
  const folder = dirname(jsonPath);
  const limit = files.bytes ?? MAX_WEIGHTS_BYTES;
  const what = `the weights the specs of ${basename(jsonPath)} ${files.bytes == null ? 'allow' : 'imply'}`;
  const buffers: ArrayBuffer[] = [];
  let total = 0;
  for (const name of files.names) {
    const bytes = await readRegularFile(folder, name, { max: limit - total, what });
    if (bytes == null)
      throw new CheckpointFormatError(join(folder, name), undefined, `does not exist (${jsonPath} names it)`);
    buffers.push(bytes.buffer as ArrayBuffer);
    total += bytes.byteLength;
  }
  if (files.bytes != null && total !== files.bytes)
    throw new CheckpointFormatError(
      jsonPath,
      'weightsManifest',
      `its files hold ${total} bytes, its weight specs imply ${files.bytes}`,
    );
  return tf.io.concatenateArrayBuffers(buffers);
}

/**
 * A tf.io handler saving into directory `path` (model.json and weights.bin) and loading from
 * `path`, a directory or its model.json.
 */
export function fileSystemIO(path: string): tf.io.IOHandler {
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      const topology = artifacts.modelTopology;
      if (topology == null || topology instanceof ArrayBuffer) {
        const found = topology instanceof ArrayBuffer ? 'an ArrayBuffer' : describeFound(topology);
        const where = `fileSystemIO(${path}).save`;
        throw typeError(where, 'artifacts.modelTopology', 'must be a JSON model topology', found);
      }
      const weights = weightBytes(artifacts.weightData);
      const modelJson: tf.io.ModelJSON = {
        modelTopology: topology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: [`./${WEIGHTS_BIN}`], weights: artifacts.weightSpecs ?? [] }],
      };
      if (artifacts.trainingConfig != null) modelJson.trainingConfig = artifacts.trainingConfig;
      if (artifacts.userDefinedMetadata != null) modelJson.userDefinedMetadata = artifacts.userDefinedMetadata;
      await writeFileAtomic(join(path, WEIGHTS_BIN), weights);
      await writeFileAtomic(join(path, MODEL_JSON), JSON.stringify(modelJson));
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(),
          modelTopologyType: 'JSON',
          modelTopologyBytes: JSON.stringify(artifacts.modelTopology).length,
          weightSpecsBytes: JSON.stringify(artifacts.weightSpecs ?? []).length,
          weightDataBytes: weights.byteLength,
        },
      };
    },
    async load(): Promise<tf.io.ModelArtifacts> {
      const jsonPath = path.endsWith('.json') ? path : join(path, MODEL_JSON);
      const modelJson = await readJson(jsonPath);
      const files = weightFilesOf(modelJson, jsonPath); // checked before any weight file is opened
      return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => [
        manifest.flatMap((group) => group.weights),
        await readWeightFiles(jsonPath, files),
      ]);
    },
  };
}

// tf.io's routers return null for URLs they do not handle (its IORouter type omits the null).
const fileRoute = ((url: string | string[]) =>
  typeof url === 'string' && url.startsWith(SCHEME)
    ? fileSystemIO(url.slice(SCHEME.length))
    : null) as unknown as Parameters<typeof tf.io.registerSaveRouter>[0];

/**
 * Route `file://` URLs of tf.io (save and load) to `fileSystemIO`, unless a handler for them is
 * already registered (tfjs-node's, or ours from an earlier call). Idempotent.
 */
export function registerFileSystemRouter(): void {
  if (tf.io.getSaveHandlers(`${SCHEME}probe`).length === 0) tf.io.registerSaveRouter(fileRoute);
  if (tf.io.getLoadHandlers(`${SCHEME}probe`).length === 0) tf.io.registerLoadRouter(fileRoute);
}
