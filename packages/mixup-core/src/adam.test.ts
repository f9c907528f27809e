import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Adam } from './adam.js';
import { initBackend } from './backend.js';

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
