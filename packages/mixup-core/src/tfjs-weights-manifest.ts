import { CheckpointFormatError } from './checkpoint-format-error.js';
import { MAX_WEIGHTS_BYTES } from './checkpoint-manifest.js';
import { isPlainFileName, ManifestFields, preview } from './manifest-fields.js';

// The weight files a tf.io model.json (tfjs' layout: weightsManifest, groups of paths and weight
// specs) names, checked before any is opened: plain names in the model's folder, and the exact
// number of bytes the specs imply. Platform-free; file-system-io.ts reads them.

/** A larger tf.io model.json is refused before parsing (converted graph models' topologies reach tens of MB). */
export const MAX_MODEL_JSON_BYTES = 64 << 20;

const BYTES_PER_ELEMENT = new Map<string, number | null>([
  ['float32', 4],
  ['int32', 4],
  ['bool', 1],
  ['complex64', 8],
  ['string', null], // length-prefixed, variable
]);
const QUANTIZED_BYTES = new Map([
  ['uint8', 1],
  ['uint16', 2],
  ['float16', 2],
]);

export interface WeightFiles {
  /** Plain file names in the model's folder, in the order tf.io concatenates them. */
  names: string[];
  /** The exact size of their content together; null when string weights leave it open (then at most MAX_WEIGHTS_BYTES). */
  bytes: number | null;
}

function bytesPerElement(fields: ManifestFields, spec: Record<string, unknown>, at: string): number | null {
  const dtype = fields.string(spec.dtype, `${at}.dtype`);
  if (!BYTES_PER_ELEMENT.has(dtype)) fields.fail(`${at}.dtype`, [...BYTES_PER_ELEMENT.keys()].join(', '), dtype);
  if (spec.quantization == null) return BYTES_PER_ELEMENT.get(dtype)!;
  const quantized = fields.string(
    fields.object(spec.quantization, `${at}.quantization`).dtype,
    `${at}.quantization.dtype`,
  );
  if (!QUANTIZED_BYTES.has(quantized))
    fields.fail(`${at}.quantization.dtype`, [...QUANTIZED_BYTES.keys()].join(', '), quantized);
  return QUANTIZED_BYTES.get(quantized)!;
}

/** The weight files of the tf.io model.json `modelJson` (the content of `file`). */
export function weightFilesOf(modelJson: unknown, file: string): WeightFiles {
  if (modelJson == null || typeof modelJson !== 'object' || Array.isArray(modelJson))
    throw new CheckpointFormatError(
      file,
      undefined,
      `expected a JSON object (a tf.io model), found ${preview(modelJson)}`,
    );
  const manifest = (modelJson as Record<string, unknown>).weightsManifest;
  if (manifest == null) return { names: [], bytes: 0 };
  const fields = new ManifestFields(file);
  const names: string[] = [];
  let bytes = 0;
  let exact = true;
  fields.array(manifest, 'weightsManifest').forEach((value, i) => {
    const at = `weightsManifest[${i}]`;
    const group = fields.object(value, at);
    fields.array(group.paths, `${at}.paths`).forEach((path, j) => {
      const name = fields.string(path, `${at}.paths[${j}]`).replace(/^\.\//, '');
      if (!isPlainFileName(name)) fields.fail(`${at}.paths[${j}]`, "a file name in the model's folder", path);
      names.push(name);
    });
    fields.array(group.weights, `${at}.weights`).forEach((value, j) => {
      const where = `${at}.weights[${j}]`;
      const spec = fields.object(value, where);
      const perElement = bytesPerElement(fields, spec, where);
      const shape = fields.shapeBytes(spec.shape, `${where}.shape`, perElement ?? 1, MAX_WEIGHTS_BYTES);
      if (perElement == null) exact = false;
      else bytes = fields.total(bytes + shape.bytes, `${where}.shape`, MAX_WEIGHTS_BYTES);
    });
  });
  return { names, bytes: exact ? bytes : null };
}
