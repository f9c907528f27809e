import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '@manifold-mixup/random';
import { fusedAdamAvailable, fusedAdamUpdate } from './fused-adam.js';
import { setupFastWasm } from './setup.js';

const SCALARS = { beta1: 0.9, oneMinusBeta1: 0.1, beta2: 0.999, oneMinusBeta2: 0.001, epsilon: 1e-7, step: -1e-3 };

describe('fusedAdamUpdate (wasm, one thread)', () => {
  beforeAll(async () => {
    await setupFastWasm();
  });

  it("is bit-identical to the Keras-form update's elementwise kernels, tails not multiples of 4 included", () => {
    expect(fusedAdamAvailable()).toBe(true);
    const before = tf.memory().numTensors;
    const rng = mulberry32(3);
    for (const n of [1, 3, 37, 1027]) {
      const draw = (offset: number) => tf.tensor1d(Float32Array.from({ length: n }, () => rng() - offset));
      const [w, g, m, v] = [draw(0.5), draw(0.5), draw(0.5), draw(0)];
      const fused = fusedAdamUpdate(w, g, m, v, SCALARS);
      const elementwise = tf.tidy(() => {
        const s = (x: number) => tf.scalar(x);
        const m2 = tf.add(tf.mul(m, s(SCALARS.beta1)), tf.mul(g, s(SCALARS.oneMinusBeta1)));
        const v2 = tf.add(tf.mul(v, s(SCALARS.beta2)), tf.mul(tf.square(g), s(SCALARS.oneMinusBeta2)));
        const w2 = tf.add(w, tf.mul(tf.div(m2, tf.add(tf.sqrt(v2), s(SCALARS.epsilon))), s(SCALARS.step)));
        return [w2, m2, v2];
      });
      expect(fused.map((t) => Array.from(t.dataSync()))).toEqual(elementwise.map((t) => Array.from(t.dataSync())));
      tf.dispose([w, g, m, v, ...fused, ...elementwise]);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it("with l2, is bit-identical to adding the gradient of tfjs' L2 regularizer to g first", () => {
    const l2 = 5e-5;
    const regularizer = tfl.regularizers.l2({ l2 });
    const rng = mulberry32(5);
    // Tiny values too (every input at one scale per element): penalty gradients become subnormal,
    // where a different order of the same operations rounds differently.
    const scales = [1, 1e-3, 1e-30, 1e-36];
    for (const n of [3, 1027]) {
      const draw = (offset: number) =>
        Float32Array.from({ length: n }, (_, i) => (rng() - offset) * scales[i % scales.length]);
      const values = draw(0.5);
      values[0] = 0;
      const w = tf.variable(tf.tensor1d(values));
      const [g, m, v] = [draw(0.5), draw(0.5), draw(0)].map((a) => tf.tensor1d(a));
      const fused = fusedAdamUpdate(w, g, m, v, { ...SCALARS, l2 });
      const { grads } = tf.variableGrads(() => regularizer.apply(w) as tf.Scalar, [w]);
      const total = tf.add(g, grads[w.name]);
      const reference = fusedAdamUpdate(w, total, m, v, SCALARS);
      expect(fused.map((t) => Array.from(t.dataSync()))).toEqual(reference.map((t) => Array.from(t.dataSync())));
      tf.dispose([w, g, m, v, total, grads[w.name], ...fused, ...reference]);
    }
  });

  it('refuses an l2 that is negative or not finite', () => {
    const w = tf.zeros([4]);
    for (const l2 of [-1e-4, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => fusedAdamUpdate(w, w, w, w, { ...SCALARS, l2 })).toThrow(
        new RangeError(`fusedAdamUpdate: scalars.l2 must be a finite number >= 0, found ${l2}`),
      );
    }
    w.dispose();
  });

  it('writes new tensors and leaves its inputs as they were', () => {
    const [w, g, m, v] = [
      [1, 2, 3],
      [1, 1, 1],
      [0, 0, 0],
      [0, 0, 0],
    ].map((a) => tf.tensor1d(a));
    const outs = fusedAdamUpdate(w, g, m, v, SCALARS);
    expect(outs.map((t) => t.dataId)).not.toContain(w.dataId);
    expect(Array.from(w.dataSync())).toEqual([1, 2, 3]);
    expect(Array.from(m.dataSync())).toEqual([0, 0, 0]);
    tf.dispose([w, g, m, v, ...outs]);
  });

  it('names the input that does not match w', () => {
    const w = tf.zeros([2, 3]);
    const g = tf.zeros([3, 2]);
    const m = tf.zeros([2, 3], 'int32');
    expect(() => fusedAdamUpdate(w, g, w, w, SCALARS)).toThrow(
      new RangeError('fusedAdamUpdate: g must be float32 of shape [2, 3], found float32 [3, 2]'),
    );
    expect(() => fusedAdamUpdate(w, w, m, w, SCALARS)).toThrow(
      new TypeError('fusedAdamUpdate: m must be float32 of shape [2, 3], found int32 [2, 3]'),
    );
    tf.dispose([w, g, m]);
  });
});
