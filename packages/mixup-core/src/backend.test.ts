import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  activeAccelerations,
  fastWasmKernelsInstalled,
  installFastWasmKernels,
  uninstallFastWasmKernels,
} from '@manifold-mixup/tfjs-wasm-training';
import { initBackend } from './backend.js';
import { installFastWasmMatMul, isFastWasmMatMulInstalled, uninstallFastWasmMatMul } from './index.js';

describe('initBackend', () => {
  const saved = process.env.MANIFOLD_MIXUP_BACKEND;
  afterEach(() => {
    if (saved == null) delete process.env.MANIFOLD_MIXUP_BACKEND;
    else process.env.MANIFOLD_MIXUP_BACKEND = saved;
  });

  it("'auto' picks tfjs-node when it loads, else wasm with the fast matmul, and says why", async () => {
    delete process.env.MANIFOLD_MIXUP_BACKEND;
    const info = await initBackend();
    expect(info.requested).toBe('auto');
    expect(info.tfjsVersion).toBe(tf.version_core);
    expect(tf.getBackend()).toBe(info.name);
    if (info.name === 'wasm') {
      expect(info.skipped?.[0].name).toBe('tensorflow');
      // Here tfjs-node is either absent or installed offline (its install script downloads libtensorflow).
      expect(info.skipped?.[0].reason).toMatch(
        /^(not installed \(npm install @tensorflow\/tfjs-node to opt in\)|installed without its native addon and libtensorflow, which its install script downloads)/,
      );
      expect(info.fastMatMul).toBe(true);
      expect(info.threads).toBeGreaterThanOrEqual(1);
      expect(typeof info.simd).toBe('boolean');
    } else {
      expect(info.name).toBe('tensorflow');
      expect(info.fastMatMul).toBe(false); // our kernels are wasm's: tfjs-node has none of ours
    }
    expect(info.fastMatMul).toBe(info.accelerations.includes('fast-matmul'));
  });

  it('lists the wasm accelerations that are really in effect, and none on cpu', async () => {
    // tfjs-wasm-training tests each one where it acts, and the fallbacks; here: initBackend reports them.
    const wasm = await initBackend('wasm');
    const expected = ['fast-matmul', 'heap-kernels', 'simd-gemm', 'fused-adam'];
    if (wasm.threads > 1) expected.push('threads', 'heap-kernel-threads');
    expect(wasm.accelerations).toEqual(expected);
    expect(activeAccelerations()).toEqual(expected);
    expect(wasm.fastMatMul).toBe(true);

    uninstallFastWasmKernels();
    try {
      expect(fastWasmKernelsInstalled()).toBe(false);
      expect(activeAccelerations()).not.toContain('fast-matmul');
      const again = await initBackend('wasm'); // installs them again
      expect(again.accelerations).toEqual(expected);
      expect(again.fastMatMul).toBe(true);
    } finally {
      installFastWasmKernels();
    }

    const cpu = await initBackend('cpu');
    expect(cpu).toMatchObject({ name: 'cpu', threads: 1, fastMatMul: false, accelerations: [] });
  });

  it("keeps this package's former names of tfjs-wasm-training's kernel functions, deprecated", () => {
    expect(installFastWasmMatMul).toBe(installFastWasmKernels);
    expect(uninstallFastWasmMatMul).toBe(uninstallFastWasmKernels);
    expect(isFastWasmMatMulInstalled).toBe(fastWasmKernelsInstalled);
  });

  it('checks options.wasmPaths, and holds later calls to the binaries of the first initialisation', async () => {
    await expect(initBackend('wasm', { wasmPaths: '' })).rejects.toThrow(
      new RangeError('initBackend: options.wasmPaths must be a non-empty string, found ""'),
    );
    await expect(initBackend('wasm', { wasmPaths: { 'tfjs-backend-wasm.wasm': 'a.wasm' } as never })).rejects.toThrow(
      new TypeError(
        "initBackend: options.wasmPaths['tfjs-backend-wasm-simd.wasm'] must be a non-empty string, found undefined",
      ),
    );
    await initBackend('wasm'); // the first initialisation in this file's process came without wasmPaths
    await expect(initBackend('wasm', { wasmPaths: '/elsewhere/' })).rejects.toThrow(
      /^initBackend\('wasm'\): no backend could be initialised: wasm \(the wasm backend already loaded its binaries from its default place; options.wasmPaths "\/elsewhere\/" must be given at its first initialisation\)$/,
    );
  });

  it('takes the backend from MANIFOLD_MIXUP_BACKEND, and the argument over it', async () => {
    process.env.MANIFOLD_MIXUP_BACKEND = 'cpu';
    expect((await initBackend()).name).toBe('cpu');
    expect((await initBackend('wasm')).name).toBe('wasm');
  });

  it('rejects thread counts that are not integers from 1 to 8, saying where they came from', async () => {
    const savedThreads = process.env.MANIFOLD_MIXUP_THREADS;
    try {
      for (const bad of ['0', '9', '1.5', 'two']) {
        process.env.MANIFOLD_MIXUP_THREADS = bad;
        await expect(initBackend('wasm')).rejects.toThrow(
          new RangeError(
            `initBackend: environment variable MANIFOLD_MIXUP_THREADS must be an integer from 1 to 8, found "${bad}"`,
          ),
        );
      }
      delete process.env.MANIFOLD_MIXUP_THREADS;
      await expect(initBackend('wasm', { threads: 0 })).rejects.toThrow(
        new RangeError('initBackend: options.threads must be an integer from 1 to 8, found 0'),
      );
      await expect(initBackend('wasm', { threads: [2] as never })).rejects.toThrow(TypeError);
    } finally {
      if (savedThreads == null) delete process.env.MANIFOLD_MIXUP_THREADS;
      else process.env.MANIFOLD_MIXUP_THREADS = savedThreads;
    }
  });

  it('rejects unknown names, saying where the name came from', async () => {
    process.env.MANIFOLD_MIXUP_BACKEND = 'webgl';
    await expect(initBackend()).rejects.toThrow(
      new RangeError(
        'initBackend: environment variable MANIFOLD_MIXUP_BACKEND must be one of auto, tensorflow, wasm, cpu, found "webgl"',
      ),
    );
    await expect(initBackend('gpu' as never)).rejects.toThrow(
      new RangeError('initBackend: name must be one of auto, tensorflow, wasm, cpu, found "gpu"'),
    );
    await expect(initBackend(3 as never)).rejects.toThrow(TypeError);
  });
});
