// The seed's two heaviest models, as the benchmarks build them, and synthetic data for them.
import { layers, regularizers } from '@tensorflow/tfjs-layers';
import { mulberry32 } from '@manifold-mixup/random';
import { ManifoldMixupModel } from '../dist/index.js';

/** Dense widths, eligible dense indices (0-based among dense layers), input shape, classes, batch. */
export const MODELS = [
  {
    name: '12-D bottleneck MLP (784-1024x3-12-1024x4-10)',
    id: 'bottleneck12',
    inputShape: [784],
    widths: [1024, 1024, 1024, 12, 1024, 1024, 1024, 1024],
    numClasses: 10,
    eligibleDense: [4],
    batchSize: 100,
    alpha: 2,
  },
  {
    name: 'spiral MLP (2-1024x7-2)',
    id: 'spiral',
    inputShape: [2],
    widths: [1024, 1024, 1024, 1024, 1024, 1024, 1024],
    numClasses: 2,
    eligibleDense: [4, 5, 6, 7],
    batchSize: 20,
    alpha: 1,
  },
];

/** `weightDecay`: an L2 penalty (Keras form l2 · Σw²) on every hidden Dense kernel, as the reproduction's weight-decay model. */
export function build(spec, { weightDecay = 0 } = {}) {
  const specs = [];
  let dense = 0;
  const kernelRegularizer = weightDecay > 0 ? regularizers.l2({ l2: weightDecay }) : undefined;
  for (const units of spec.widths) {
    specs.push([layers.dense({ units, kernelRegularizer }), spec.eligibleDense.includes(dense++)]);
    specs.push([layers.leakyReLU({ alpha: 0.3 }), false]);
  }
  specs.push([layers.dense({ units: spec.numClasses, activation: 'softmax' }), spec.eligibleDense.includes(dense)]);
  return new ManifoldMixupModel({
    layers: specs,
    inputShape: spec.inputShape,
    numClasses: spec.numClasses,
    alpha: spec.alpha,
    seed: 1,
  });
}

/** Multiply-accumulates per example in the dense layers. */
export function macs(spec) {
  const dims = [spec.inputShape.reduce((a, b) => a * b, 1), ...spec.widths, spec.numClasses];
  let total = 0;
  for (let i = 1; i < dims.length; i++) total += dims[i - 1] * dims[i];
  return total;
}

export function synthetic(spec, n) {
  const rng = mulberry32(3);
  const size = spec.inputShape.reduce((a, b) => a * b, 1);
  return {
    x: Float32Array.from({ length: n * size }, rng),
    y: Uint8Array.from({ length: n }, (_, i) => i % spec.numClasses),
    n,
    shape: spec.inputShape,
    numClasses: spec.numClasses,
  };
}
