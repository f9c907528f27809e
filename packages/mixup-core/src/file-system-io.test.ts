import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { layers, loadLayersModel, sequential } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from './__fixtures__/temp-dir.js';
import { initBackend } from './backend.js';
import { fileSystemIO } from './file-system-io.js';

// A tf.io model folder from elsewhere: its model.json names the weight files, so they must be
// plain names of regular files in the folder, together of the size the weight specs imply.

const root = useTempDir('mixup-core-fsio-');
let saved: { dir: string; json: Record<string, unknown> };

async function variant(name: string, edit: (json: Record<string, unknown>) => void): Promise<string> {
  const dir = join(root(), name);
  await mkdir(dir);
  await writeFile(join(dir, 'weights.bin'), await readFile(join(saved.dir, 'weights.bin')));
  const json = structuredClone(saved.json);
  edit(json);
  await writeFile(join(dir, 'model.json'), JSON.stringify(json));
  return dir;
}

const firstGroup = (json: Record<string, unknown>) =>
  (json.weightsManifest as Array<{ paths: string[]; weights: Array<{ shape: number[] }> }>)[0];

describe('fileSystemIO loading a folder from elsewhere', () => {
  beforeAll(async () => {
    await initBackend('wasm');
    const net = sequential({ layers: [layers.dense({ inputShape: [2], units: 3 }), layers.dense({ units: 2 })] });
    const dir = join(root(), 'saved');
    await net.save(fileSystemIO(dir));
    net.dispose();
    saved = { dir, json: JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) };
    await writeFile(join(root(), 'sentinel.bin'), 'SENTINEL'.repeat(100));
  });

  it('refuses weight paths outside the folder, naming the field', async () => {
    for (const path of [
      '../sentinel.bin',
      join(root(), 'sentinel.bin'),
      `${'../'.repeat(24)}dev/zero`,
      'a/../weights.bin',
    ]) {
      const dir = await variant(`path-${Math.random().toString(36).slice(2)}`, (json) => {
        firstGroup(json).paths = [path];
      });
      await expect(loadLayersModel(fileSystemIO(dir)), path).rejects.toThrow(
        `${join(dir, 'model.json')}: weightsManifest[0].paths[0]: expected a file name in the model's folder`,
      );
    }
  });

  it('refuses a weights file that is a link, or longer than the weight specs imply', async () => {
    const linked = await variant('linked', () => {});
    await rm(join(linked, 'weights.bin'));
    await symlink(relative(linked, join(root(), 'sentinel.bin')), join(linked, 'weights.bin'));
    await expect(loadLayersModel(fileSystemIO(linked))).rejects.toThrow(
      `${join(linked, 'weights.bin')}: a symbolic link; only regular files inside the folder are read`,
    );
    const longer = await variant('longer', () => {});
    await writeFile(join(longer, 'weights.bin'), Buffer.alloc((2 * 3 + 3 + 3 * 2 + 2) * 4 + 4));
    await expect(loadLayersModel(fileSystemIO(longer))).rejects.toThrow(
      `${join(longer, 'weights.bin')}: 72 bytes, above the limit of 68 bytes for the weights the specs of model.json imply`,
    );
    const huge = await variant('huge', (json) => {
      firstGroup(json).weights[0].shape = [1e9, 1e9];
    });
    await expect(loadLayersModel(fileSystemIO(huge))).rejects.toThrow(
      /model\.json: weightsManifest\[0\]\.weights\[0\]\.shape: \[1000000000,1000000000\] is .* above the limit/,
    );
  });

  it('still loads what it saved, from the folder or its model.json', async () => {
    const model = await loadLayersModel(fileSystemIO(join(saved.dir, 'model.json')));
    expect(model.layers).toHaveLength(2);
    model.dispose();
  });
});
