import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Adam } from './adam.js';
import { initBackend } from './backend.js';
import { fusedAdamAvailable } from '@manifold-mixup/tfjs-wasm-training';

describe('Adam', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('takes TensorFlow-style steps: the first step moves each weight by about lr, and leaks nothing', () => {
    const before = tf.memory().numTensors;
    const w = tf.tidy(() => tf.variable(tf.tensor1d([1, -1, 0.5])));
    const adam = new Adam([w]);
    const g = tf.tensor1d([3, -0.2, 1e-3]);
    adam.apply([g], 0.1);
    const moved = Array.from(w.dataSync());
    expect(moved[0]).toBeCloseTo(0.9, 5);
    expect(moved[1]).toBeCloseTo(-0.9, 5);
    expect(moved[2]).toBeCloseTo(0.4, 3);
    expect(adam.step).toBe(1);
    tf.dispose([w, g]);
    adam.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps moments per variable and counts steps', () => {
    const w = tf.variable(tf.tensor1d([0, 0]));
    const adam = new Adam([w], { beta1: 0.5, beta2: 0.5 });
    const g = tf.tensor1d([2, -4]);
    adam.apply([g], 1);
    adam.apply([g], 1);
    expect(adam.step).toBe(2);
    expect(Array.from(adam.firstMoments[0].dataSync())).toEqual([1.5, -3]); // 0.5*1 + 0.5*2, 0.5*-2 + 0.5*-4
    expect(Array.from(adam.secondMoments[0].dataSync())).toEqual([3, 12]); // 0.5*2 + 0.5*4, 0.5*8 + 0.5*16
    tf.dispose([w, g]);
    adam.dispose();
  });
});

describe('fused Adam (wasm)', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('runs on wasm and gives bit-identical weights and moments to the elementwise kernels', () => {
    expect(fusedAdamAvailable()).toBe(true);
    const before = tf.memory().numTensors;
    const shapes = [[37, 29], [1027], [3]]; // lengths not multiples of 4: the scalar tail too
    const make = () => shapes.map((s, i) => tf.tidy(() => tf.variable(tf.randomNormal(s, 0, 1, 'float32', 20 + i))));
    const [fusedVars, plainVars] = [make(), make()];
    const initial = fusedVars.map((v) => Array.from(v.dataSync()));
    const fused = new Adam(fusedVars);
    const plain = new Adam(plainVars, {}, { fused: false });
    for (let step = 0; step < 4; step++) {
      const grads = shapes.map((s, i) => tf.randomNormal(s, 0, step + 1, 'float32', 100 * step + i));
      const rate = step < 2 ? 1e-3 : 0.05;
      fused.apply(grads, rate);
      plain.apply(grads, rate);
      tf.dispose(grads);
    }
    const bytes = (vars: tf.Tensor[]) => vars.map((v) => Array.from(v.dataSync()));
    expect(bytes(fusedVars)).toEqual(bytes(plainVars));
    expect(bytes(fused.firstMoments)).toEqual(bytes(plain.firstMoments));
    expect(bytes(fused.secondMoments)).toEqual(bytes(plain.secondMoments));
    expect(bytes(fusedVars)[1]).not.toEqual(initial[1]);
    tf.dispose([...fusedVars, ...plainVars]);
    fused.dispose();
    plain.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('writes new tensors and never changes its inputs in place', () => {
    const w = tf.variable(tf.tensor1d([1, 2, 3, 4, 5]));
    const alias = tf.clone(w); // shares w's buffer (Identity shares on wasm)
    const adam = new Adam([w]);
    const g = tf.tensor1d([1, 1, 1, 1, 1]);
    adam.apply([g], 0.1);
    expect(Array.from(alias.dataSync())).toEqual([1, 2, 3, 4, 5]);
    expect(w.dataId).not.toBe(alias.dataId);
    expect(Array.from(w.dataSync()).every((x, i) => Math.abs(x - (i + 1 - 0.1)) < 1e-5)).toBe(true);
    tf.dispose([w, alias, g]);
    adam.dispose();
  });
});
