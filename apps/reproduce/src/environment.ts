import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import type { Environment } from './results.js';

const PACKAGES = [
  '@manifold-mixup/datasets',
  '@manifold-mixup/mixup-core',
  '@manifold-mixup/analysis',
  '@manifold-mixup/viz',
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-layers',
];

/** Versions of the packages the run used, read from their package.json files. */
export function packageVersions(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const versions: Record<string, string> = {};
  for (const name of PACKAGES) {
    try {
      const file = require.resolve(`${name}/package.json`);
      versions[name] = (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    } catch {
      versions[name] = 'unknown';
    }
  }
  return versions;
}

/** The commit checked out in `dir` and whether tracked files differ from it (null outside a git checkout). */
export function gitState(dir: string): { commit: string | null; dirty: boolean | null } {
  try {
    const git = (...args: string[]): string =>
      execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('rev-parse', 'HEAD');
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
    return { commit, dirty };
  } catch {
    return { commit: null, dirty: null };
  }
}

export function machine(): { node: string; platform: string; cpus: number } {
  return { node: process.versions.node, platform: `${os.platform()} ${os.arch()}`, cpus: os.availableParallelism() };
}

/**
 * What the results record of the backend a run used (mixup-core's BackendInfo, or a shard manifest's
 * record: only these members are kept).
 */
export function backendRecord(backend: Environment['backend']): Environment['backend'] {
  return {
    name: backend.name,
    requested: backend.requested,
    threads: backend.threads,
    simd: backend.simd,
    fastMatMul: backend.fastMatMul,
    tfjsVersion: backend.tfjsVersion,
  };
}
