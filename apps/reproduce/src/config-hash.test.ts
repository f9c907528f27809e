import { describe, expect, it } from 'vitest';
import { codeFingerprint, codeFingerprintParts } from './code-fingerprint.js';
import { canonicalJson, configHash } from './config-hash.js';
import { spiral } from './experiments/spiral.js';
import { experimentJobs } from './plan.js';

describe('configHash', () => {
  it('ignores key order at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(configHash({ a: 1, b: { c: 2, d: 3 } })).toBe(configHash({ b: { d: 3, c: 2 }, a: 1 }));
  });

  it('is stable across releases (a change here retrains every cached model: bump CACHE_VERSION on purpose)', () => {
    expect(configHash({ a: 1 })).toBe('f10ec2735546fa4d'); // sha256('{"cacheVersion":1,"config":{"a":1}}')
    const job = experimentJobs(spiral, 'quick', { seed: 0, backend: 'wasm', code: 'test' })[0];
    expect(configHash(job)).toBe(configHash(structuredClone(job)));
  });

  it('changes with anything that changes the model: seed, backend, training code, epochs, width, eligibility', () => {
    const [baseline, mixup] = experimentJobs(spiral, 'quick', { seed: 0, backend: 'wasm', code: 'test' });
    const hashes = new Set([
      configHash(baseline),
      configHash(mixup),
      configHash({ ...baseline, seed: 1 }),
      configHash({ ...baseline, backend: 'cpu' }),
      configHash({ ...baseline, code: 'other implementation' }),
      configHash({ ...baseline, training: { ...baseline.training, epochs: 3 } }),
      configHash({ ...baseline, layers: baseline.layers.map((l) => ({ ...l, units: l.units + 1 })) }),
    ]);
    expect(hashes.size).toBe(7);
  });

  it('rejects non-finite numbers instead of hashing them as null', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(
      new RangeError('canonicalJson: numbers must be finite, found NaN'),
    );
  });
});

describe('codeFingerprint', () => {
  it('is a stable 16-hex-digit digest of the training code', () => {
    expect(codeFingerprint()).toMatch(/^[0-9a-f]{16}$/);
    expect(codeFingerprint()).toBe(codeFingerprint());
  });

  it('covers every package whose code changes what training computes, the wasm kernels included', () => {
    const parts = codeFingerprintParts();
    const files = (pkg: string) => parts.filter((p) => p.startsWith(`${pkg}/`)).map((p) => p.split(':')[0]);
    expect(files('@manifold-mixup/mixup-core')).toContain('@manifold-mixup/mixup-core/training.js');
    expect(files('@manifold-mixup/tfjs-wasm-training')).toEqual(
      expect.arrayContaining([
        '@manifold-mixup/tfjs-wasm-training/fast-matmul.js',
        '@manifold-mixup/tfjs-wasm-training/heap-kernels-wasm.js',
        '@manifold-mixup/tfjs-wasm-training/fused-adam.js',
      ]),
    );
    expect(files('@manifold-mixup/random').length).toBeGreaterThan(0);
    expect(files('@manifold-mixup/datasets').length).toBeGreaterThan(0);
    expect(parts).toContain('@tensorflow/tfjs-backend-wasm@4.22.0');
  });
});
