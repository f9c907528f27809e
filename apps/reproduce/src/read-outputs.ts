import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { resultDir, type ModelOutputs } from './cache.js';
import { FileFormatError } from './file-format-error.js';
import { isReallyInside, realPath } from './inside-folder.js';
import { array, nullable, number, object, oneOf, optional, record, requireShape, show, string } from './json-shape.js';
import { readBounded, readBoundedJson } from './read-bounded.js';

/** A cache entry's outputs.json: history, timings and the list of arrays (never more than a few MB). */
export const MAX_OUTPUTS_BYTES = 16 * 1024 * 1024;
/** One array of a cache entry (the largest, the 12-D codes of 50,000 images, is 2.4 MB). */
export const MAX_ARRAY_BYTES = 256 * 1024 * 1024;
/** More arrays than any model leaves (today at most six). */
const MAX_ARRAYS = 64;

export interface LoadedOutputs extends ModelOutputs {
  data: Record<string, Float32Array | Uint8Array>;
}

const BYTES_PER_VALUE = { float32: 4, uint8: 1 } as const;

const share = number({ min: 0, max: 1 });

/** One attack at one ε (cache.ts AttackRecord). */
export const ATTACK_RECORD = object({
  epsilon: number({ min: 0 }),
  accuracy: share,
  n: number({ min: 0, integer: true }),
  zeroGradientShare: object({ margin: share, crossEntropy: share }),
});

/** What outputs.json must hold (the fields the parent uses); a NaN loss was written as null. */
const OUTPUTS = object({
  history: array(
    object({
      epoch: number({ min: 1, integer: true }),
      loss: nullable(number()),
      valLoss: optional(nullable(number())),
      valAccuracy: optional(nullable(number({ min: 0, max: 1 }))),
      learningRate: nullable(number()),
      seconds: number({ min: 0 }),
    }),
  ),
  backend: string(),
  seconds: number({ min: 0 }),
  fgsm: optional(
    array(
      object({
        epsilon: number({ min: 0 }),
        accuracy: number({ min: 0, max: 1 }),
        n: number({ min: 0, integer: true }),
      }),
    ),
  ),
  attacks: optional(object({ fgsm: array(ATTACK_RECORD), pgd: array(ATTACK_RECORD) })),
  deformations: optional(
    array(
      object({
        name: string(),
        accuracy: number({ min: 0, max: 1 }),
        n: number({ min: 0, integer: true }),
      }),
    ),
  ),
  arrays: record(
    object({
      file: string(),
      dtype: oneOf(Object.keys(BYTES_PER_VALUE)),
      rows: number({ min: 0, integer: true }),
      cols: number({ min: 0, integer: true }),
    }),
    { key: /^[A-Za-z][A-Za-z0-9]*$/, keyExpected: 'array names of letters and digits', max: MAX_ARRAYS },
  ),
});

/**
 * Reads the outputs a worker left in `<cacheRoot>/<hash>/result/`, treating them as untrusted (a shard's
 * cache comes from another machine): outputs.json is size-limited and checked field by field, every
 * array file must be `<name>.bin` in that folder with exactly rows x cols values (checked before it is
 * read), and the folder must really be inside `cacheRoot` (not a link out of it). Errors name the file
 * and field and say to delete the entry.
 */
export async function readOutputs(cacheRoot: string, hash: string): Promise<LoadedOutputs> {
  const entry = join(cacheRoot, hash);
  const dir = resultDir(cacheRoot, hash);
  const file = join(dir, 'outputs.json');
  const hint = `delete ${entry} to retrain that model`;
  const fail = (field: string, expected: string, found: string, code: 'BAD_FIELD' | 'OUTSIDE_FOLDER' = 'BAD_FIELD') =>
    new FileFormatError(code, { file, field }, expected, found, { hint });
  if (!(await isReallyInside([cacheRoot], dir)))
    throw fail('result folder', `a folder inside ${cacheRoot}`, `a link to ${await realPath(dir)}`, 'OUTSIDE_FOLDER');
  const value = await readBoundedJson(file, { bytes: MAX_OUTPUTS_BYTES, name: 'MAX_OUTPUTS_BYTES' }, file, hint);
  const outputs = requireShape<ModelOutputs>(value, OUTPUTS, file, hint);
  const data: Record<string, Float32Array | Uint8Array> = {};
  for (const [name, { file: arrayFile, dtype, rows, cols }] of Object.entries(outputs.arrays)) {
    if (arrayFile !== `${name}.bin`) throw fail(`arrays.${name}.file`, show(`${name}.bin`), show(arrayFile));
    const shape = `${rows} x ${cols} ${dtype}`;
    const bytes = rows * cols * BYTES_PER_VALUE[dtype];
    if (bytes > MAX_ARRAY_BYTES)
      throw fail(`arrays.${name}`, `at most ${MAX_ARRAY_BYTES} bytes (MAX_ARRAY_BYTES)`, shape);
    const path = join(dir, arrayFile);
    const stats = await lstat(path);
    const found = stats.isFile() ? `${stats.size} bytes` : 'not a plain file';
    if (!stats.isFile() || stats.size !== bytes)
      throw fail(`arrays.${name}`, `${arrayFile} of ${bytes} bytes (${shape})`, found);
    const read = await readBounded(path, { bytes, name: `${shape}` }, path, hint);
    // A copy of its own: the typed array must start at offset 0 of its buffer.
    const copy = new Uint8Array(bytes);
    copy.set(read);
    data[name] = dtype === 'float32' ? new Float32Array(copy.buffer) : copy;
  }
  return { ...outputs, data };
}
