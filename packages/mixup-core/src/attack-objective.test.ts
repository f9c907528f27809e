import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linearModel } from './__fixtures__/linear-model.js';
import { inputGradient, logitMargin, zeroGradientRows } from './attack-objective.js';
import { initBackend } from './backend.js';
import type { ManifoldMixupModel } from './model.js';

// Label 0, logits (300, −300) for the first row: softmax gives p = (1, 0) exactly in float32, so the
// cross-entropy's input gradient (p − y)·Wᵀ is exactly zero. The second row's logits are (0.1, −0.1).
const SATURATED_W = [
  [100, -100],
  [100, -100],
  [100, -100],
];
const SATURATED_X = [1, 1, 1, 0.001, 0, 0];

describe.each(['cpu', 'wasm'] as const)('attack objectives on %s', (backend) => {
  let model: ManifoldMixupModel;
  beforeAll(async () => {
    await initBackend(backend);
    model = linearModel(SATURATED_W, [0, 0]);
  });
  afterAll(() => model.dispose());

  it('logitMargin is z_y − max_{j≠y} z_j, from log p when the output is probabilities', () => {
    const margins = tf.tidy(() => {
      const z = tf.tensor2d([
        [1, 3, 2],
        [1, 3, 2],
        [5, 5, -1],
      ]);
      const oneHot = tf.oneHot(tf.tensor1d([0, 1, 1], 'int32'), 3);
      const p = tf.tensor2d([[0.7, 0.2, 0.1]]);
      return [
        Array.from(logitMargin(z, oneHot, 'logits').dataSync()),
        Array.from(logitMargin(p, tf.oneHot(tf.tensor1d([0], 'int32'), 3), 'probabilities').dataSync()),
      ];
    });
    expect(margins[0]).toEqual([-2, 1, 0]);
    expect(margins[1][0]).toBeCloseTo(Math.log(0.7) - Math.log(0.2), 5);
  });

  it("the margin's input gradient is W_j* − W_y where the cross-entropy's underflows to exactly zero", () => {
    const [margin, crossEntropy] = tf.tidy(() => {
      const x = tf.tensor2d(SATURATED_X, [2, 3]);
      const oneHot = tf.oneHot(tf.tensor1d([0, 0], 'int32'), 2);
      return [inputGradient(model, x, oneHot, 'margin'), inputGradient(model, x, oneHot, 'cross-entropy')];
    });
    // The objective is −margin: ∂(−(z_0 − z_1))/∂x_k = W[k][1] − W[k][0] = −200 for every row.
    expect(Array.from(margin.dataSync())).toEqual([-200, -200, -200, -200, -200, -200]);
    const ce = crossEntropy.dataSync();
    expect(Array.from(ce.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(ce.subarray(3).every((g) => g !== 0)).toBe(true);
    expect(Array.from(zeroGradientRows(crossEntropy))).toEqual([1, 0]);
    expect(Array.from(zeroGradientRows(margin))).toEqual([0, 0]);
    tf.dispose([margin, crossEntropy]);
  });

  it('zeroGradientRows counts a row as zero only when every component is 0 (NaN is not)', () => {
    const g = tf.tensor3d([0, 0, 0, 0, 0, 1e-30, 0, 0, NaN, 0, 0, 0], [3, 2, 2]);
    expect(Array.from(zeroGradientRows(g))).toEqual([1, 0, 0]);
    g.dispose();
  });
});
