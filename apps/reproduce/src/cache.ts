import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttackRecord } from './results.js';
import type { EpochRecord } from './worker-messages.js';

/** Arrays a finished model leaves for the parent's analysis, stored as raw little-endian files. */
export interface ArrayRecord {
  file: string;
  dtype: 'float32' | 'uint8';
  rows: number;
  cols: number;
}

export interface ModelOutputs {
  /** Per-epoch records as the training loop reported them (seconds included). */
  history: EpochRecord[];
  backend: string;
  /** Wall-clock of training and evaluation in the worker, plus the epochs it resumed (trainingSeconds). */
  seconds: number;
  /** Test accuracy under FGSM per ε (when the job asks for it). */
  fgsm?: Array<{ epsilon: number; accuracy: number; n: number }>;
  /** Margin-loss FGSM and PGD accuracy per ε, with the zero-gradient shares (when the job asks for them). */
  attacks?: { fgsm: AttackRecord[]; pgd: AttackRecord[] };
  /** Test accuracy per deformed copy of the test set (when the job asks for it). */
  deformations?: Array<{ name: string; accuracy: number; n: number }>;
  arrays: Record<string, ArrayRecord>;
}

export function checkpointDir(cacheRoot: string, hash: string): string {
  return join(cacheRoot, hash, 'checkpoint');
}

/** Where a model's finished outputs are (written only by writeOutputs, read by read-outputs.ts). */
export function resultDir(cacheRoot: string, hash: string): string {
  return join(cacheRoot, hash, 'result');
}

export function hasOutputs(cacheRoot: string, hash: string): boolean {
  return existsSync(join(resultDir(cacheRoot, hash), 'outputs.json'));
}

/**
 * Writes the outputs into a temporary folder and renames it to `result/`: a reader sees either nothing
 * or everything (a kill mid-write leaves only a temporary folder). Several processes may share one
 * cache (shards on a network volume): temporary names are unique per process and call, and a result
 * that another process finished first is kept, not replaced (training is deterministic, so it holds
 * the same outputs).
 */
export async function writeOutputs(
  cacheRoot: string,
  hash: string,
  outputs: Omit<ModelOutputs, 'arrays'>,
  arrays: Record<string, { data: Float32Array | Uint8Array; rows: number; cols: number }>,
): Promise<void> {
  const final = resultDir(cacheRoot, hash);
  const tmp = `${final}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  await mkdir(tmp, { recursive: true });
  try {
    const records: Record<string, ArrayRecord> = {};
    for (const [name, { data, rows, cols }] of Object.entries(arrays)) {
      if (data.length !== rows * cols)
        throw new Error(`writeOutputs: array '${name}' has ${data.length} values, expected ${rows} x ${cols}`);
      const file = `${name}.bin`;
      await writeFile(join(tmp, file), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      records[name] = { file, dtype: data instanceof Float32Array ? 'float32' : 'uint8', rows, cols };
    }
    await writeFile(join(tmp, 'outputs.json'), `${JSON.stringify({ ...outputs, arrays: records }, null, 2)}\n`);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  if (hasOutputs(cacheRoot, hash)) {
    await rm(tmp, { recursive: true, force: true });
    return;
  }
  try {
    await rename(tmp, final);
  } catch (error) {
    // Another writer renamed its folder in between (the target is no longer empty): keep that one.
    await rm(tmp, { recursive: true, force: true });
    if (!hasOutputs(cacheRoot, hash)) throw error;
  }
}
