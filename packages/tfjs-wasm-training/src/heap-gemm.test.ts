import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { gemmShape, heapGemm } from './heap-gemm.js';
import type { MatMulArgs } from './matmul-args.js';
import type { WasmBackendInternals } from './heap-kernels.js';
import { setupFastWasm } from './setup.js';
import { denseProducts, reference } from './__fixtures__/float32-gemm.js';

const backend = () => tf.backend() as unknown as WasmBackendInternals;

function run(m: number, n: number, k: number, ta: boolean, tb: boolean, withBias: boolean, biasLast: boolean) {
  return tf.tidy(() => {
    const a = tf.randomNormal(ta ? [k, m] : [m, k], 0, 1, 'float32', 1);
    const b = tf.randomNormal(tb ? [n, k] : [k, n], 0, 1, 'float32', 2);
    const bias = withBias ? tf.randomNormal([n], 0, 1, 'float32', 3) : undefined;
    const args = {
      inputs: { a, b, bias },
      backend: backend(),
      attrs: { transposeA: ta, transposeB: tb },
    } as unknown as MatMulArgs;
    const out = heapGemm(args, biasLast);
    if (out == null) throw new Error('heapGemm declined a shape it should take');
    const c = tf.engine().makeTensorFromTensorInfo(out).dataSync() as Float32Array;
    const expected = reference(
      a.dataSync() as Float32Array,
      b.dataSync() as Float32Array,
      bias == null ? null : (bias.dataSync() as Float32Array),
      biasLast,
      { m, n, k, ta, tb },
    );
    return { c, expected };
  });
}

describe('heapGemm (our WebAssembly SIMD GEMM)', () => {
  beforeAll(async () => {
    await setupFastWasm({ threads: 1 });
  });

  // k = 12: Bᵀ packed by 4 × 4 transposes; k = 7: element by element; n = 24: three panels.
  for (const [m, n, k] of [
    [8, 16, 12],
    [4, 24, 7],
    [12, 8, 1],
  ])
    for (const ta of [false, true])
      for (const tb of [false, true])
        it(`sums as float32, in order, bit for bit: ${m}×${k}${ta ? 'ᵀ' : ''} · ${k}×${n}${tb ? 'ᵀ' : ''}`, () => {
          for (const [withBias, biasLast] of [
            [false, false],
            [true, false],
            [true, true],
          ]) {
            const { c, expected } = run(m, n, k, ta, tb, withBias, biasLast);
            expect(Array.from(c)).toEqual(Array.from(expected));
          }
        });

  it('declines what it does not compute, leaving those to the other kernels', () => {
    const args = (aShape: number[], bShape: number[], attrs: Record<string, unknown> = {}, dtype = 'float32') =>
      ({
        inputs: { a: { shape: aShape, dtype }, b: { shape: bShape, dtype: 'float32' } },
        attrs,
      }) as unknown as MatMulArgs;
    expect(gemmShape(args([8, 5], [5, 16]))).toEqual({ m: 8, n: 16, k: 5 });
    expect(gemmShape(args([5, 8], [16, 5], { transposeA: true, transposeB: true }))).toEqual({ m: 8, n: 16, k: 5 });
    expect(gemmShape(args([6, 5], [5, 16]))).toBeNull(); // m not a multiple of 4
    expect(gemmShape(args([8, 5], [5, 12]))).toBeNull(); // n not a multiple of 8
    expect(gemmShape(args([8, 5], [4, 16]))).toBeNull(); // inner sizes differ: tfjs' own error
    expect(gemmShape(args([2, 8, 5], [2, 5, 16]))).toBeNull(); // a batch of products
    expect(gemmShape(args([8, 5], [5, 16], { activation: 'relu' }))).toBeNull();
    expect(gemmShape(args([8, 5], [5, 16], {}, 'int32'))).toBeNull();
  });

  it('is what tf.matMul runs for dense-layer shapes, and gives its results', () => {
    for (const [got, expected] of denseProducts(20, 64, 32)) expect(got).toEqual(expected);
  });
});
