import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from './config-hash.js';

/** The files of this app that run in the worker: changing them changes what a model is. */
const WORKER_FILES = ['worker', 'train-model', 'build-model', 'load-data', 'cache', 'deformed-sets', 'hidden-spectra'];
const TFJS = [
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-backend-wasm',
  '@tensorflow/tfjs-backend-cpu',
];

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * 16 hex digits identifying the code that trains a model: the built JavaScript of mixup-core,
 * tfjs-wasm-training (the wasm kernels training runs on), datasets and random (the PRNG behind
 * shuffling, mixing and initialisation), analysis (the hidden layer's spectra are computed in the
 * worker), this app's worker-side files and the tfjs versions. Part
 * of every model's config, so a change of the training code (even one that only changes
 * floating-point rounding) retrains the cached models instead of silently mixing results of two
 * implementations.
 */
export function codeFingerprint(): string {
  return sha256Hex(codeFingerprintParts().join('\n')).slice(0, 16);
}

/** What codeFingerprint digests, one `name:sha256` (or `package@version`) line per file or package. */
export function codeFingerprintParts(): string[] {
  const require = createRequire(import.meta.url);
  const coreRequire = createRequire(require.resolve('@manifold-mixup/mixup-core'));
  const parts: string[] = [];
  // random and tfjs-wasm-training are mixup-core's dependencies, not this app's: resolved from
  // mixup-core (pnpm's strict layout).
  const packages: Array<[string, NodeJS.Require]> = [
    ['@manifold-mixup/mixup-core', require],
    ['@manifold-mixup/tfjs-wasm-training', coreRequire],
    ['@manifold-mixup/datasets', require],
    // The worker computes the hidden layer's spectra with it.
    ['@manifold-mixup/analysis', require],
    ['@manifold-mixup/random', coreRequire],
  ];
  for (const [pkg, resolver] of packages) {
    const dist = dirname(resolver.resolve(pkg));
    for (const file of jsFiles(dist)) parts.push(`${pkg}/${relative(dist, file)}:${sha256Hex(readFileSync(file))}`);
  }
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here);
  for (const name of WORKER_FILES)
    parts.push(`app/${name}:${sha256Hex(readFileSync(join(dirname(here), `${name}${ext}`)))}`);
  for (const pkg of TFJS) {
    try {
      parts.push(
        `${pkg}@${(JSON.parse(readFileSync(coreRequire.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version}`,
      );
    } catch {
      parts.push(`${pkg}@none`);
    }
  }
  return parts;
}
