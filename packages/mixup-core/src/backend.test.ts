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

  it('rejects unknown names, saying where the name came from', async () => {
    process.env.MANIFOLD_MIXUP_BACKEND = 'webgl';
    await expect(initBackend()).rejects.toThrow(/environment variable MANIFOLD_MIXUP_BACKEND: expected one of auto, tensorflow, wasm, cpu, found "webgl"/);
    await expect(initBackend('gpu' as never)).rejects.toThrow(/initBackend\(name\).*found "gpu"/);
  });
});
