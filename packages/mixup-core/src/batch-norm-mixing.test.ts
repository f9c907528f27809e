import * as tf from '@tensorflow/tfjs-core';
import { input, layers, model, type SymbolicTensor } from '@tensorflow/tfjs-layers';
import { mulberry32 } from '@manifold-mixup/random';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend.js';
import { mixingMatrix } from './mixing.js';
import { ManifoldMixupModel } from './model.js';

// What a BatchNormalization layer's moving statistics become in a training step whose batch is
// mixed before or after it (README, "BatchNorm and mixing"). momentum 0: a training pass sets the
// moving mean and variance to the batch's own, so they can be read off directly.

const ROWS = 8;
const call = (layer: layers.Layer, x: SymbolicTensor) => layer.apply(x) as SymbolicTensor;

/** input -> d0 -> bn -> d1 (tanh) -> out. */
function bnNet() {
  const x = input({ shape: [3] });
  const d0 = call(layers.dense({ units: 4, name: 'd0' }), x);
  const bn = call(layers.batchNormalization({ momentum: 0, name: 'bn' }), d0);
  const d1 = call(layers.dense({ units: 4, activation: 'tanh', name: 'd1' }), bn);
  return model({ inputs: x, outputs: call(layers.dense({ units: 2, activation: 'softmax' }), d1) });
}

const rng = mulberry32(4);
const x = () =>
  tf.tensor2d(
    Float32Array.from({ length: ROWS * 3 }, () => 4 * rng() - 2),
    [ROWS, 3],
  );
const PERMUTATION = [3, 0, 6, 1, 7, 2, 4, 5];

describe('BatchNorm and mixing', () => {
  let net: ReturnType<typeof bnNet>;
  let batch: tf.Tensor;
  const moving = () => net.getLayer('bn').getWeights().slice(2); // [gamma, beta, movingMean, movingVariance]
  const readMoving = () => moving().map((t) => Array.from(t.dataSync()));
  const reset = () =>
    tf.tidy(() => {
      const bn = net.getLayer('bn');
      bn.setWeights([...bn.getWeights().slice(0, 2), tf.zeros([4]), tf.ones([4])]);
    });

  /** The moving statistics after one training pass of `wrapped`, mixed at `place` with `lambda`, or unmixed. */
  function stepStatistics(wrapped: ManifoldMixupModel, place: number | null, lambda: number | number[] = 0.3) {
    reset();
    tf.tidy(() => {
      const matrix = tf.tensor2d(mixingMatrix(lambda, PERMUTATION), [ROWS, ROWS]);
      wrapped.forward(batch, true, place == null ? undefined : { layer: place, matrix });
    });
    return readMoving();
  }

  beforeAll(async () => {
    await initBackend('cpu');
    net = bnNet();
    batch = x();
  });

  it('BN before the mixing place sees the clean batch: its statistics are those of unmixed training', () => {
    const wrapped = ManifoldMixupModel.fromLayersModel(net, { mixAt: ['bn'] });
    const [place] = wrapped.eligibleLayers;
    expect(wrapped.layers[place - 1].name).toBe('bn');
    const clean = stepStatistics(wrapped, null);
    expect(stepStatistics(wrapped, place)).toEqual(clean);
    expect(clean[0]).not.toEqual([0, 0, 0, 0]); // a training pass did move them
  });

  it("BN after the mixing place sees the mixed batch: the clean mean, the mixed batch's smaller variance", () => {
    const wrapped = ManifoldMixupModel.fromLayersModel(net, { mixAt: ['d0'] });
    const [place] = wrapped.eligibleLayers;
    const [cleanMean, cleanVariance] = stepStatistics(wrapped, null);
    const [mean, variance] = stepStatistics(wrapped, place, 0.3);
    // What BN received: the mixed output of d0, whose moments the moving statistics now hold.
    const [mixedMean, mixedVariance] = tf.tidy(() => {
      const matrix = tf.tensor2d(mixingMatrix(0.3, PERMUTATION), [ROWS, ROWS]);
      const mixed = tf.matMul(matrix, net.getLayer('d0').apply(batch) as tf.Tensor2D);
      const moments = tf.moments(mixed, 0);
      return [moments.mean, moments.variance].map((t) => Array.from(t.dataSync()));
    });
    mean.forEach((m, i) => expect(m).toBeCloseTo(mixedMean[i], 6));
    variance.forEach((v, i) => expect(v).toBeCloseTo(mixedVariance[i], 6));
    // One lambda for the batch: the mean is the clean batch's (a permutation only reorders rows)...
    mean.forEach((m, i) => expect(m).toBeCloseTo(cleanMean[i], 5));
    // ...the variance shrinks: (0.3² + 0.7²) = 0.58 of the clean one for uncorrelated pairs.
    const total = (v: number[]) => v.reduce((a, b) => a + b, 0);
    expect(total(variance) / total(cleanVariance)).toBeLessThan(0.8);
    // One lambda per row: the mean moves too (it is the clean one only on average).
    const [exampleMean] = stepStatistics(wrapped, place, [0.1, 0.9, 0.2, 0.8, 0.5, 0.3, 0.95, 0.6]);
    expect(Math.max(...exampleMean.map((m, i) => Math.abs(m - cleanMean[i])))).toBeGreaterThan(1e-3);
  });
});
