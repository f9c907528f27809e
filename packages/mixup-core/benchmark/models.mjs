// The seed's two heaviest models and the simple MNIST convnet, as the benchmarks build them, and
// synthetic data for them.
import { layers, regularizers } from '@tensorflow/tfjs-layers';
import { mulberry32 } from '@manifold-mixup/random';
import { ManifoldMixupModel } from '../dist/index.js';

/**
 * MLPs: dense widths, eligible dense indices (0-based among dense layers), input shape, classes, batch.
 * The convnet: `convnet: true`, eligible layer indices (`eligibleLayers`).
 */
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
  {
    // Keras' "simple MNIST convnet", as benchmark/torch_ref.py's convnet (and PyTorch's usual example).
    name: 'MNIST convnet (conv 32 3x3, pool 2, conv 64 3x3, pool 2, dropout 0.5, dense 10)',
    id: 'convnet',
    convnet: true,
    inputShape: [28, 28, 1],
    numClasses: 10,
    // Mixing at the input, at the second conv's input and at the dense layer's input.
    eligibleLayers: [0, 2, 6],
    batchSize: 128,
    alpha: 1,
  },
];

/** The convnet's [layer, eligible] pairs. */
function convnetLayers(spec) {
  const convs = [32, 64].flatMap((filters) => [
    layers.conv2d({ filters, kernelSize: 3, activation: 'relu' }),
    layers.maxPooling2d({ poolSize: 2 }),
  ]);
  const all = [
    ...convs,
    layers.flatten(),
    layers.dropout({ rate: 0.5 }),
    layers.dense({ units: spec.numClasses, activation: 'softmax' }),
  ];
  return all.map((layer, i) => [layer, spec.eligibleLayers.includes(i)]);
}

/** An MLP's [layer, eligible] pairs: dense layers with LeakyReLU 0.3 between them, softmax at the end. */
function mlpLayers(spec, weightDecay) {
  const specs = [];
  let dense = 0;
  const kernelRegularizer = weightDecay > 0 ? regularizers.l2({ l2: weightDecay }) : undefined;
  for (const units of spec.widths) {
    specs.push([layers.dense({ units, kernelRegularizer }), spec.eligibleDense.includes(dense++)]);
    specs.push([layers.leakyReLU({ alpha: 0.3 }), false]);
  }
  specs.push([layers.dense({ units: spec.numClasses, activation: 'softmax' }), spec.eligibleDense.includes(dense)]);
  return specs;
}

/** `weightDecay`: an L2 penalty (Keras form l2 · Σw²) on every hidden Dense kernel, as the reproduction's weight-decay model (MLPs). */
export function build(spec, { weightDecay = 0 } = {}) {
  return new ManifoldMixupModel({
    layers: spec.convnet ? convnetLayers(spec) : mlpLayers(spec, weightDecay),
    inputShape: spec.inputShape,
    numClasses: spec.numClasses,
    alpha: spec.alpha,
    seed: 1,
  });
}

/** Multiply-accumulates per example in the dense (and conv) layers. */
export function macs(spec) {
  // conv 1: 26·26 outputs of 32 channels from 3·3·1 inputs; conv 2: 11·11 of 64 from 3·3·32; dense 1600 → 10.
  if (spec.convnet) return 26 * 26 * 32 * 9 + 11 * 11 * 64 * 288 + 1600 * spec.numClasses;
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
