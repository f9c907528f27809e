import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { writeFileAtomic } from './atomic-file.js';
import { parseJsonFile } from './parse-json-file.js';

// tf.io handlers for a directory in Node, in tfjs-node's layout (model.json + weights.bin), so
// `model.save('file://dir')` and `tf.loadLayersModel('file://dir/model.json')` work without
// tfjs-node and its native library. Files are written atomically: weights first, then the
// model.json that refers to them. Node only: browsers get file-system-io.browser.ts.

const MODEL_JSON = 'model.json';
const WEIGHTS_BIN = 'weights.bin';
const SCHEME = 'file://';

function weightBytes(data: tf.io.WeightData | undefined): Uint8Array {
  if (data == null) return new Uint8Array(0);
  return new Uint8Array(Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data);
}

async function readJson(path: string): Promise<tf.io.ModelJSON> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`${path}: cannot read the model (${(error as Error).message})`, { cause: error });
  }
  return parseJsonFile(text, path) as tf.io.ModelJSON;
}

/**
 * A tf.io handler saving into directory `path` (model.json and weights.bin) and loading from
 * `path`, a directory or its model.json.
 */
export function fileSystemIO(path: string): tf.io.IOHandler {
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      if (artifacts.modelTopology == null || artifacts.modelTopology instanceof ArrayBuffer)
        throw new Error(
          `fileSystemIO(${path}): expected a JSON model topology, found ${String(artifacts.modelTopology)}`,
        );
      const weights = weightBytes(artifacts.weightData);
      const modelJson: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology,
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
      return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const specs: tf.io.WeightsManifestEntry[] = [];
        const buffers: ArrayBuffer[] = [];
        for (const group of manifest) {
          for (const file of group.paths) {
            const bytes = await readFile(join(dirname(jsonPath), file));
            buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
          }
          specs.push(...group.weights);
        }
        return [specs, tf.io.concatenateArrayBuffers(buffers)];
      });
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
