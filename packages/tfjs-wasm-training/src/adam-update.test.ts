import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADAM_DEFAULTS, adamMoment, adamRunsFused, adamScalars, applyAdamUpdate } from './adam-update.js';
import { setupFastWasm } from './setup.js';

describe('adamScalars', () => {
  it('folds the bias corrections into the step size: −lr·sqrt(1−β2^t)/(1−β1^t)', () => {
    const config = { beta1: 0.5, beta2: 0.75, epsilon: 1e-3 };
    // t = 1: sqrt(0.25)/0.5 = 1; t = 2: sqrt(1 − 0.5625)/(1 − 0.25) = sqrt(0.4375)/0.75.
    expect(adamScalars(config, 0.1, 1)).toEqual({
      beta1: 0.5,
      oneMinusBeta1: 0.5,
      beta2: 0.75,
      oneMinusBeta2: 0.25,
      epsilon: 1e-3,
      step: -0.1,
    });
    expect(adamScalars(config, 0.1, 2).step).toBe(-(0.1 * Math.sqrt(1 - 0.75 ** 2)) / (1 - 0.5 ** 2));
    expect(adamScalars(ADAM_DEFAULTS, 1e-3, 1).oneMinusBeta2).toBe(1 - 0.999);
  });
});

describe('applyAdamUpdate (wasm, one thread)', () => {
  beforeAll(async () => {
    await setupFastWasm();
  });

  it('fused and elementwise give bit-identical weights and moments over several steps', () => {
    expect(adamRunsFused(undefined)).toBe(true);
    expect(adamRunsFused(false)).toBe(false);
    const before = tf.memory().numTensors;
    const shapes = [[37, 29], [1027], [3]]; // lengths not multiples of 4: the scalar tail too
    const make = (): tf.Variable[] =>
      shapes.map((s, i) => tf.tidy(() => tf.variable(tf.randomNormal(s, 0, 1, 'float32', 20 + i))));
    const runs = [true, false].map((fused) => {
      const weights = make();
      const moments = weights.map((w) => [adamMoment(w), adamMoment(w)]);
      for (let step = 1; step <= 4; step++) {
        const scalars = adamScalars(ADAM_DEFAULTS, step < 3 ? 1e-3 : 0.05, step);
        weights.forEach((w, i) => {
          const g = tf.randomNormal(w.shape, 0, step, 'float32', 100 * step + i);
          applyAdamUpdate(w, g, moments[i][0], moments[i][1], scalars, fused);
          g.dispose();
        });
      }
      const values = [...weights, ...moments.flat()].map((t) => Array.from(t.dataSync()));
      tf.dispose([...weights, ...moments.flat()]);
      return values;
    });
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0][3].some((x) => x !== 0)).toBe(true); // the first moments moved
    expect(tf.memory().numTensors).toBe(before);
  });

  it('starts from zero moments that are not trainable', () => {
    const w = tf.variable(tf.tensor2d([1, 2, 3, 4], [2, 2]));
    const m = adamMoment(w);
    expect(m.shape).toEqual([2, 2]);
    expect(m.trainable).toBe(false);
    expect(Array.from(m.dataSync())).toEqual([0, 0, 0, 0]);
    tf.dispose([w, m]);
  });

  it('refuses an L2 penalty outside the fused pass, changing nothing', () => {
    const [w, g] = [tf.variable(tf.tensor1d([1, 2])), tf.tensor1d([0.5, 0.5])];
    const [m, v] = [adamMoment(w), adamMoment(w)];
    const scalars = { ...adamScalars(ADAM_DEFAULTS, 0.1, 1), l2: 1e-4 };
    expect(() => applyAdamUpdate(w, g, m, v, scalars, false)).toThrow(
      new RangeError(
        'applyAdamUpdate: scalars.l2 must be 0 when fused is false (only the fused update, on wasm, folds an L2 penalty), found 0.0001',
      ),
    );
    expect(Array.from(w.dataSync())).toEqual([1, 2]);
    tf.dispose([w, g, m, v]);
  });
});
