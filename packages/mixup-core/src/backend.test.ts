import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import { initBackend } from './backend.js';

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
      expect(info.fastMatMul).toBe(true);
      expect(info.threads).toBeGreaterThanOrEqual(1);
      expect(typeof info.simd).toBe('boolean');
    } else {
      expect(info.name).toBe('tensorflow');
    }
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
          `environment variable MANIFOLD_MIXUP_THREADS: expected an integer from 1 to 8, found "${bad}"`,
        );
      }
      delete process.env.MANIFOLD_MIXUP_THREADS;
      await expect(initBackend('wasm', { threads: 0 })).rejects.toThrow(
        'initBackend options.threads: expected an integer from 1 to 8, found 0',
      );
    } finally {
      if (savedThreads == null) delete process.env.MANIFOLD_MIXUP_THREADS;
      else process.env.MANIFOLD_MIXUP_THREADS = savedThreads;
    }
  });

  it('rejects unknown names, saying where the name came from', async () => {
    process.env.MANIFOLD_MIXUP_BACKEND = 'webgl';
    await expect(initBackend()).rejects.toThrow(
      /environment variable MANIFOLD_MIXUP_BACKEND: expected one of auto, tensorflow, wasm, cpu, found "webgl"/,
    );
    await expect(initBackend('gpu' as never)).rejects.toThrow(/initBackend\(name\).*found "gpu"/);
  });
});
