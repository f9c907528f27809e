import { describe, expect, it } from 'vitest';
import { explainTfjsNodeFailure } from './tfjs-node-failure.js';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('explainTfjsNodeFailure', () => {
  it('tells an absent package (ESM and CommonJS messages) from an absent dependency of it', () => {
    const esm = withCode(
      "Cannot find package '@tensorflow/tfjs-node' imported from /app/dist/backend-host.js",
      'ERR_MODULE_NOT_FOUND',
    );
    const cjs = withCode("Cannot find module '@tensorflow/tfjs-node'\nRequire stack:\n- /app/x.js", 'MODULE_NOT_FOUND');
    const vite = new Error('Could not resolve "@tensorflow/tfjs-node" imported by "@manifold-mixup/mixup-core".');
    for (const error of [esm, cjs, vite]) {
      expect(explainTfjsNodeFailure(error)).toBe('not installed (npm install @tensorflow/tfjs-node to opt in)');
    }
    const dependency = withCode(
      "Cannot find module 'seedrandom'\nRequire stack:\n- /n/tfjs-node/dist/index.js",
      'MODULE_NOT_FOUND',
    );
    expect(explainTfjsNodeFailure(dependency)).toBe("failed to load (Cannot find module 'seedrandom')");
  });

  it('says that the install script did not download the addon and libtensorflow', () => {
    // The message of tfjs-node 4.22's dist/index.js, as thrown here on an offline install.
    const error = new Error(
      'The Node.js native addon module (tfjs_binding.node) can not be found at path: /n/tfjs-node/lib/napi-v8/tfjs_binding.node. \n' +
        "Please run command 'npm rebuild @tensorflow/tfjs-node --build-addon-from-source' to rebuild the native addon module.",
    );
    expect(explainTfjsNodeFailure(error)).toMatch(
      /^installed without its native addon and libtensorflow, which its install script downloads .*npm rebuild @tensorflow\/tfjs-node/,
    );
  });

  it('names a libtensorflow that the addon cannot load, and other addon load failures', () => {
    const lib = withCode(
      'libtensorflow.so.2: cannot open shared object file: No such file or directory',
      'ERR_DLOPEN_FAILED',
    );
    expect(explainTfjsNodeFailure(lib)).toBe(
      'installed, but its native addon cannot load libtensorflow (libtensorflow.so.2: cannot open shared object file: No such file or directory): npm rebuild @tensorflow/tfjs-node',
    );
    const abi = withCode('The module was compiled against a different Node.js version', 'ERR_DLOPEN_FAILED');
    expect(explainTfjsNodeFailure(abi)).toMatch(
      /^installed, but its native addon failed to load \(The module was compiled/,
    );
  });

  it('keeps the first line of anything else', () => {
    expect(explainTfjsNodeFailure(new Error('boom\nstack'))).toBe('failed to load (boom)');
    expect(explainTfjsNodeFailure('odd')).toBe('failed to load (odd)');
  });
});
