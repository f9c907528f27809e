import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Reading and rewriting a checkpoint folder as someone editing it by hand would: the manifest's
// own checksum is an integrity check, not a signature, so anyone can recompute it.

export type Manifest = Record<string, unknown>;

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** `manifest` with its manifestSha256 recomputed (the sha256 of its JSON without that field). */
export function rehashed(manifest: Manifest): Manifest {
  const { manifestSha256: _omitted, ...rest } = manifest;
  return { ...rest, manifestSha256: sha256Hex(JSON.stringify(rest)) };
}

export interface CheckpointFiles {
  manifest: Manifest;
  manifestText: string;
  weightsFile: string;
  weights: Buffer;
}

/** The manifest (parsed and as text) and the weights file of the checkpoint in `dir`. */
export async function readCheckpointFiles(dir: string): Promise<CheckpointFiles> {
  const manifestText = await readFile(join(dir, 'model.json'), 'utf8');
  const manifest = JSON.parse(manifestText) as Manifest;
  const weightsFile = (await readdir(dir)).find((f) => /^weights-[0-9a-f]+\.bin$/.test(f));
  if (weightsFile == null || weightsFile !== manifest.weightsFile)
    throw new Error(`readCheckpointFiles(${dir}): no weights file named by its model.json`);
  return { manifest, manifestText, weightsFile, weights: await readFile(join(dir, weightsFile)) };
}

/** Write `manifest` (re-hashed unless `rehash` is false) as `dir`/model.json. */
export async function writeManifest(dir: string, manifest: Manifest, rehash = true): Promise<void> {
  await writeFile(join(dir, 'model.json'), JSON.stringify(rehash ? rehashed(manifest) : manifest));
}
