import { ManifoldMixupModel, type LayerSpec } from '@manifold-mixup/mixup-core';
import { layers } from '@tensorflow/tfjs-layers';
import type { Settings } from './settings.js';

export type ModelRole = 'baseline' | 'mixup';

/**
 * depth hidden ReLU layers of `width` units and a softmax output over 2 classes. Place i of `mix` flags
 * layer i (mixup-core's "the activations entering this layer may be mixed"): 0 is the input, i ≥ 1 the
 * output of hidden layer i. The baseline flags nothing. Both are seeded alike, so they start from the same
 * weights (their layers have the same shapes) and differ only in the mixing.
 */
export function buildModel(settings: Settings, role: ModelRole): ManifoldMixupModel {
  const mixed = new Set(role === 'mixup' ? settings.mix : []);
  const spec: LayerSpec[] = [];
  for (let i = 0; i < settings.depth; i++) {
    spec.push([layers.dense({ units: settings.width, activation: 'relu' }), mixed.has(i)]);
  }
  spec.push([layers.dense({ units: 2, activation: 'softmax' }), mixed.has(settings.depth)]);
  return new ManifoldMixupModel({
    layers: spec,
    inputShape: [2],
    numClasses: 2,
    alpha: settings.alpha,
    lambdaMode: settings.lambda,
    seed: settings.seed,
  });
}
