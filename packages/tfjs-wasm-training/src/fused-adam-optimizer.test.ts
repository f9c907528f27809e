import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FusedAdamOptimizer, fusedAdam } from './fused-adam-optimizer.js';
import { setupFastWasm } from './setup.js';
import { trainPlainModel } from './__fixtures__/plain-model.js';

describe('FusedAdamOptimizer (wasm, one thread)', () => {
  beforeAll(async () => {
    await setupFastWasm();
  });

  it('trains a plain tf.LayersModel with model.fit to the weights of its elementwise form, bit for bit', async () => {
    const before = tf.memory().numTensors;
    const fused = await trainPlainModel(fusedAdam(1e-3));
    const elementwise = await trainPlainModel(new FusedAdamOptimizer({ learningRate: 1e-3, fused: false }));
    expect(fused.sha256).toBe(elementwise.sha256);
    expect(fused.losses).toEqual(elementwise.losses);
    expect(fused.losses[2]).toBeLessThan(fused.losses[0] / 2);
    expect(fused.accuracy).toBeGreaterThan(0.95);
    expect(tf.memory().numTensors).toBe(before); // the moments went with dispose()
  });

  it('takes TensorFlow-style steps: the first one moves each weight by about the learning rate', () => {
    const w = tf.variable(tf.tensor1d([1, -1, 0.5]), true, 'fused-adam-w');
    const optimizer = fusedAdam(0.1);
    const g = tf.tensor1d([3, -0.2, 1e-3]);
    optimizer.applyGradients({ 'fused-adam-w': g });
    const moved = Array.from(w.dataSync());
    expect(moved[0]).toBeCloseTo(0.9, 5);
    expect(moved[1]).toBeCloseTo(-0.9, 5);
    expect(moved[2]).toBeCloseTo(0.4, 3);
    expect(optimizer.iterations).toBe(1);
    optimizer.dispose();
    tf.dispose([w, g]);
  });

  it('saves and restores its iterations and moments', async () => {
    const w = tf.variable(tf.tensor1d([1, 2]), true, 'fused-adam-saved');
    const optimizer = fusedAdam(0.01);
    const g = tf.tensor1d([1, -1]);
    optimizer.applyGradients([{ name: 'fused-adam-saved', tensor: g }]);
    const saved = await optimizer.getWeights();
    expect(saved.map((s) => s.name)).toEqual(['iter', 'fused-adam-saved/m', 'fused-adam-saved/v']);
    const restored = fusedAdam(0.01);
    await restored.setWeights(saved);
    expect(restored.iterations).toBe(1);
    const again = await restored.getWeights();
    expect(again.map((s) => Array.from(s.tensor.dataSync()))).toEqual(
      saved.map((s) => Array.from(s.tensor.dataSync())),
    );
    expect(restored.getConfig()).toEqual({ learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
    expect(restored.getClassName()).toBe('FusedAdam');
    tf.dispose([w, g, saved[0].tensor, again[0].tensor]);
    optimizer.dispose();
    restored.dispose();
  });

  it('names a setting out of range', () => {
    expect(() => fusedAdam(0)).toThrow(
      new RangeError('FusedAdamOptimizer: learningRate must be a finite number > 0, found 0'),
    );
    expect(() => fusedAdam(1e-3, 1)).toThrow(
      new RangeError('FusedAdamOptimizer: beta1 must be a number in [0, 1), found 1'),
    );
    expect(() => new FusedAdamOptimizer({ epsilon: -1 })).toThrow(
      new RangeError('FusedAdamOptimizer: epsilon must be a finite number > 0, found -1'),
    );
    // A string that would compare as in range is still the wrong kind.
    expect(() => new FusedAdamOptimizer({ beta1: '0.5' as never })).toThrow(
      new TypeError('FusedAdamOptimizer: beta1 must be a number in [0, 1), found string'),
    );
  });
});
