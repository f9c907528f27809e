import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupFastWasm } from './setup.js';
import { planTransposes, useTransposedForward } from './fast-matmul.js';
import { installFastWasmKernels, uninstallFastWasmKernels } from './register-fast-kernels.js';

interface Case {
  batchA: number[];
  batchB: number[];
  m: number;
  k: number;
  n: number;
  ta: boolean;
  tb: boolean;
}

function shapeOf(batch: number[], rows: number, cols: number, transposed: boolean): number[] {
  return [...batch, ...(transposed ? [cols, rows] : [rows, cols])];
}

// Values, and gradients of sum(out * r), of relu(matMul(a, b) + bias), computed either
// by the fused kernel or by separate ops.
function evaluate(c: Case, fused: boolean, activation: 'relu' | 'linear' = 'relu'): Float32Array[] {
  return tf.tidy(() => {
    const a = tf.randomNormal(shapeOf(c.batchA, c.m, c.k, c.ta), 0, 1, 'float32', 11);
    const b = tf.randomNormal(shapeOf(c.batchB, c.k, c.n, c.tb), 0, 1, 'float32', 12);
    const bias = tf.randomNormal([c.n], 0, 1, 'float32', 13);
    const f = (x: tf.Tensor, y: tf.Tensor, z: tf.Tensor) =>
      fused
        ? tf.fused.matMul({ a: x, b: y, transposeA: c.ta, transposeB: c.tb, bias: z, activation })
        : (activation === 'relu' ? tf.relu : (t: tf.Tensor) => t)(tf.add(tf.matMul(x, y, c.ta, c.tb), z));
    const out = f(a, b, bias);
    const r = tf.randomNormal(out.shape, 0, 1, 'float32', 14);
    const grads = tf.grads((x: tf.Tensor, y: tf.Tensor, z: tf.Tensor) => tf.sum(tf.mul(f(x, y, z), r)))([a, b, bias]);
    return [out, ...grads].map((t) => t.dataSync() as Float32Array);
  });
}

function relativeError(actual: Float32Array, expected: Float32Array): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return diff / scale;
}

const cases: Case[] = [];
for (const ta of [false, true]) {
  for (const tb of [false, true]) {
    cases.push({ batchA: [], batchB: [], m: 7, k: 13, n: 5, ta, tb });
    cases.push({ batchA: [3], batchB: [3], m: 4, k: 9, n: 6, ta, tb });
    cases.push({ batchA: [2, 3], batchB: [2, 3], m: 5, k: 8, n: 3, ta, tb });
    cases.push({ batchA: [1], batchB: [1], m: 33, k: 70, n: 17, ta, tb });
    cases.push({ batchA: [], batchB: [], m: 3, k: 40, n: 50, ta, tb }); // small A, big B
    cases.push({ batchA: [], batchB: [], m: 60, k: 4, n: 50, ta, tb }); // big C
  }
}

describe('fast wasm matmul', () => {
  beforeAll(async () => {
    await import('@tensorflow/tfjs-layers'); // registers the gradients tf.grads needs
    const info = await setupFastWasm();
    expect(info.accelerations).toContain('fast-matmul');
  });

  it('transposes the output instead of a big weight matrix when that moves less data', () => {
    // dense backward pass, batch 100, 1024 -> 1024: dx = dy·Wᵀ and dW = xᵀ·dy
    expect(planTransposes(100 * 1024, 1024 * 1024, 100 * 1024, false, true)).toBe('output');
    expect(planTransposes(100 * 1024, 100 * 1024, 1024 * 1024, true, false)).toBe('operands');
    expect(planTransposes(3 * 40, 40 * 50, 3 * 50, false, true)).toBe('output');
  });

  for (const fused of [false, true]) {
    it(`${fused ? '_FusedMatMul' : 'BatchMatMul'}: values and gradients match the stock BatchMatMul (1e-5 relative)`, () => {
      const before = tf.memory().numTensors;
      // Stock _FusedMatMul adds wrong bias entries whenever it takes its slow loop (batch > 1
      // or a transpose); we only fix the transposes, so batched fused cases are left out.
      for (const c of fused ? cases.filter((x) => x.batchA.every((d) => d === 1)) : cases) {
        // The reference is always the stock kernel through separate ops: the stock fused
        // kernel adds the wrong bias entries on its transposed (slow) path.
        uninstallFastWasmKernels();
        const stock = evaluate(c, false);
        installFastWasmKernels();
        const fast = evaluate(c, fused);
        expect(fast.length).toBe(stock.length);
        for (let i = 0; i < stock.length; i++) {
          expect(fast[i].length).toBe(stock[i].length);
          expect(relativeError(fast[i], stock[i]), `${JSON.stringify(c)} output ${i}`).toBeLessThan(1e-5);
        }
      }
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('computes a linear fused x·W with small x as (Wᵀ·xᵀ)ᵀ, matching the stock kernels (1e-5 relative)', () => {
    const before = tf.memory().numTensors;
    const forward: Case[] = [
      { batchA: [], batchB: [], m: 3, k: 40, n: 50, ta: false, tb: false },
      { batchA: [1], batchB: [1], m: 4, k: 64, n: 33, ta: false, tb: false }, // ragged transpose edges
      { batchA: [], batchB: [], m: 5, k: 37, n: 64, ta: false, tb: false },
    ];
    for (const c of forward) {
      const info = (shape: number[]): tf.TensorInfo => ({ dataId: {}, shape, dtype: 'float32' });
      const args = {
        inputs: { a: info([1, c.m, c.k]), b: info([1, c.k, c.n]), bias: info([c.n]) },
        backend: tf.backend() as never,
        attrs: { transposeA: false, transposeB: false, activation: 'linear' },
      };
      expect(useTransposedForward(args), JSON.stringify(c)).toBe(true);
      expect(useTransposedForward({ ...args, attrs: { ...args.attrs, activation: 'relu' } })).toBe(false);
      uninstallFastWasmKernels();
      const stock = evaluate(c, true, 'linear');
      installFastWasmKernels();
      const fast = evaluate(c, true, 'linear');
      for (let i = 0; i < stock.length; i++) {
        expect(relativeError(fast[i], stock[i]), `${JSON.stringify(c)} output ${i}`).toBeLessThan(1e-5);
      }
    }
    // Big A or C next to B (e.g. inference at batch 1000) keeps the direct path.
    const big = {
      inputs: {
        a: { dataId: {}, shape: [1, 1000, 1024], dtype: 'float32' as const },
        b: { dataId: {}, shape: [1, 1024, 1024], dtype: 'float32' as const },
      },
      backend: tf.backend() as never,
      attrs: { activation: 'linear' },
    };
    expect(useTransposedForward(big)).toBe(false);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('frees the transposed temporaries in backend memory', () => {
    const a = tf.randomNormal([20, 30], 0, 1, 'float32', 1);
    const b = tf.randomNormal([40, 30], 0, 1, 'float32', 2);
    tf.matMul(a, b, false, true).dispose();
    const bytes = tf.memory().numBytes;
    const dataBuffers = tf.memory().numDataBuffers;
    for (let i = 0; i < 5; i++) tf.matMul(a, b, false, true).dispose();
    expect(tf.memory().numBytes).toBe(bytes);
    expect(tf.memory().numDataBuffers).toBe(dataBuffers);
    a.dispose();
    b.dispose();
  });
});
