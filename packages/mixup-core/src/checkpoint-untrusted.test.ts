import { execFileSync } from 'node:child_process';
import { cp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { rehashed, sha256Hex, writeManifest, type CheckpointFiles } from './__fixtures__/checkpoint-files.js';
import {
  makeCheckpointTemplate,
  settleWithin,
  templateModel as makeModel,
  type Sentinel,
} from './__fixtures__/checkpoint-template.js';
import { clearTouched, identity, touched } from './__fixtures__/fs-touches.js';
import { blobs } from './__fixtures__/synthetic.js';
import { useTempDir } from './__fixtures__/temp-dir.js';
import { initBackend } from './backend.js';

// A checkpoint folder from elsewhere, edited as anyone can (the manifest's checksum recomputed):
// the loader must read nothing outside the folder, nothing but regular files, and nothing larger
// than the manifest's tensor shapes imply, refusing with errors that name the file and the field.
vi.mock('node:fs/promises', async (importOriginal) =>
  (await import('./__fixtures__/fs-touches.js')).recordingFsPromises(await importOriginal()),
);

const root = useTempDir('mixup-core-untrusted-');
const data = blobs(30, 3);
let template: CheckpointFiles;
let sentinel: Sentinel;

/** A fresh copy of the template checkpoint in its own folder. */
async function caseDir(name: string): Promise<string> {
  const dir = join(root(), 'cases', name);
  await cp(join(root(), 'template'), dir, { recursive: true });
  return dir;
}

/** The error `promise` rejects with; fails the test when it resolves or takes longer than `ms`. */
async function rejection(promise: Promise<unknown>, ms = 2000): Promise<Error> {
  const outcome = await settleWithin(promise, ms);
  if (outcome == null) throw new Error('expected a refusal, the load succeeded');
  return outcome.error as Error;
}

/** Load `dir` into a fresh model: the error, after checking it says nothing of the sentinel. */
async function loadError(dir: string): Promise<Error> {
  const model = makeModel();
  clearTouched();
  try {
    const error = await rejection(model.load(dir));
    expect(error.message).not.toContain(sentinel.sha256);
    expect(error.message).not.toContain(sentinel.marker);
    expect(touched.has(identity(sentinel.path)!), 'the sentinel outside the folder was opened').toBe(false);
    expect(touched.has(identity('/dev/zero')!), '/dev/zero was opened').toBe(false);
    return error;
  } finally {
    model.dispose();
  }
}

describe('loading a checkpoint from elsewhere', () => {
  beforeAll(async () => {
    await initBackend('wasm');
    ({ template, sentinel } = await makeCheckpointTemplate(root()));
  });

  it('refuses a weightsFile outside the folder (../, many ../, absolute) without opening it', async () => {
    const dir = await caseDir('traversal');
    const variants = [
      relative(dir, sentinel.path),
      `${'../'.repeat(24)}${sentinel.path.slice(1)}`,
      sentinel.path,
      `${template.weightsFile}/../${relative(dir, sentinel.path)}`,
    ];
    for (const weightsFile of variants) {
      await writeManifest(dir, { ...template.manifest, weightsFile });
      const error = await loadError(dir);
      expect(error.message, weightsFile).toMatch(`${join(dir, 'model.json')}: weightsFile: expected "weights-`);
    }
    // fit reads its checkpoint the same way.
    const model = makeModel();
    clearTouched();
    const error = await rejection(model.fit(data, { epochs: 2, batchSize: 10, checkpointDir: dir }));
    expect(error.message).toMatch(`${join(dir, 'model.json')}: weightsFile: `);
    expect(touched.has(identity(sentinel.path)!)).toBe(false);
    model.dispose();
  });

  it('refuses /dev/zero reached through ../ at once, instead of reading it until memory runs out', async () => {
    const dir = await caseDir('dev-zero');
    await writeManifest(dir, { ...template.manifest, weightsFile: `${'../'.repeat(24)}dev/zero` });
    expect((await loadError(dir)).message).toMatch(`${join(dir, 'model.json')}: weightsFile: `);
  });

  it('refuses a weights file that is a symbolic link, a FIFO or a directory, without opening it', async () => {
    const makers: Array<[string, (path: string) => Promise<unknown>, RegExp]> = [
      ['a link to a file outside', (path) => symlink(sentinel.path, path), /: a symbolic link/],
      ['a link to /dev/zero', (path) => symlink('/dev/zero', path), /: a symbolic link/],
      ['a FIFO', async (path) => execFileSync('mkfifo', [path]), /: not a regular file \(a FIFO\)/],
      ['a directory', (path) => mkdir(path), /: not a regular file \(a directory\)/],
    ];
    for (const [what, make, message] of makers) {
      const dir = await caseDir(what.replaceAll(' ', '-'));
      const path = join(dir, template.weightsFile);
      await rm(path);
      await make(path);
      const error = await loadError(dir);
      expect(error.message, what).toMatch(`${path}: `);
      expect(error.message, what).toMatch(message);
    }
  });

  it('refuses a model.json that is a symbolic link, leaving its target unread', async () => {
    const dir = await caseDir('manifest-link');
    await rm(join(dir, 'model.json'));
    await symlink(sentinel.path, join(dir, 'model.json'));
    expect((await loadError(dir)).message).toMatch(`${join(dir, 'model.json')}: a symbolic link`);
  });

  it('refuses a shape of [1e9, 1e9] from the manifest alone, before the weights file is opened', async () => {
    const dir = await caseDir('huge-shape');
    const weightsId = identity(join(dir, template.weightsFile))!;
    const entries = template.manifest.weights as Array<Record<string, unknown>>;
    const optimizer = template.manifest.optimizer as Record<string, Array<Record<string, unknown>>>;
    const huge = [1e9, 1e9];
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ weights: [{ ...entries[0], shape: huge }, ...entries.slice(1)] }, /weights\[0\]\.shape: .*above the limit/],
      [
        { optimizer: { ...optimizer, firstMoments: [{ ...optimizer.firstMoments[0], shape: [2 ** 26, 2 ** 26] }] } },
        /optimizer\.firstMoments\[0\]\.shape: .*above the limit/,
      ],
      [
        { weights: [{ ...entries[0], shape: [16, 2] }, ...entries.slice(1)] },
        /weights\[0\]\.shape: expected \[2, 16\]/,
      ],
    ];
    for (const [change, message] of cases) {
      await writeManifest(dir, { ...template.manifest, ...change });
      const error = await loadError(dir);
      expect(error.message).toMatch(`${join(dir, 'model.json')}: `);
      expect(error.message).toMatch(message);
      expect(touched.has(weightsId), 'the weights file was opened').toBe(false);
    }
  });

  it('refuses a manifest above the size limit before parsing it, naming its size and the limit', async () => {
    const dir = await caseDir('large-manifest');
    const config = { ...(template.manifest.config as object), note: 'x'.repeat(3 << 19) };
    await writeManifest(dir, { ...template.manifest, config });
    expect((await loadError(dir)).message).toMatch(
      new RegExp(`^${join(dir, 'model.json')}: \\d+ bytes, above the limit of 1048576 bytes`),
    );
  });

  it('refuses a weights file longer than its tensor shapes imply, even with consistent hashes', async () => {
    const dir = await caseDir('long-weights');
    const weights = Buffer.concat([template.weights, Buffer.alloc(4)]);
    const sha256 = sha256Hex(weights);
    const weightsFile = `weights-${sha256.slice(0, 16)}.bin`;
    await rm(join(dir, template.weightsFile));
    await writeFile(join(dir, weightsFile), weights);
    await writeManifest(dir, { ...template.manifest, weightsFile, sha256 });
    expect((await loadError(dir)).message).toBe(
      `${join(dir, weightsFile)}: ${weights.length} bytes, expected ${template.weights.length} (the size the tensor shapes of model.json imply)`,
    );
  });

  it('still loads the unedited checkpoint, and one re-hashed without changes', async () => {
    const dir = await caseDir('unedited');
    const model = makeModel();
    await model.load(dir);
    await writeManifest(dir, rehashed(template.manifest));
    await model.load(dir);
    expect(model.optimizer?.step).toBe(3);
    model.dispose();
  });
});
