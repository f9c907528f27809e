import { ManifoldMixupModel, type LayerSpec } from '@manifold-mixup/mixup-core';
import { layers, regularizers } from '@tensorflow/tfjs-layers';
import { bottleneckPlace, hiddenWidths, type Settings } from './settings.js';

export type ModelRole = 'baseline' | 'mixup';

export interface BuiltModel {
  model: ManifoldMixupModel;
  /** placeLayer[p] is the index (into the model's layers) of the layer whose output is place p ≥ 1. */
  placeLayer: number[];
}

/**
 * The hidden layers (`width` units of `act`, and the linear 2-unit bottleneck if asked) and a softmax output over
 * 2 classes. Place i of `mix` flags layer i (mixup-core's "the activations entering this layer may be mixed"): 0 is
 * the input, i ≥ 1 the output of hidden layer i. The baseline flags nothing, and it alone gets the L2 penalty and
 * the dropout (after each hidden layer but the bottleneck): the paper's regularised baselines. Both are seeded
 * alike and their dense layers have the same shapes in the same order (dropout draws nothing when built), so they
 * start from the same weights.
 */
export function buildModel(settings: Settings, role: ModelRole): BuiltModel {
  const mixed = new Set(role === 'mixup' ? settings.mix : []);
  const regularised = role === 'baseline';
  const kernelRegularizer = regularised && settings.l2 > 0 ? regularizers.l2({ l2: settings.l2 }) : undefined;
  const dropout = regularised ? settings.dropout : 0;
  const code = bottleneckPlace(settings);
  const spec: LayerSpec[] = [];
  const placeLayer = [-1];
  hiddenWidths(settings).forEach((units, i) => {
    const activation = i + 1 === code ? 'linear' : settings.act;
    spec.push([layers.dense({ units, activation, kernelRegularizer }), mixed.has(i)]);
    placeLayer.push(spec.length - 1);
    if (dropout > 0 && i + 1 !== code) spec.push([layers.dropout({ rate: dropout }), false]);
  });
  spec.push([layers.dense({ units: 2, activation: 'softmax', kernelRegularizer }), mixed.has(placeLayer.length - 1)]);
  const model = new ManifoldMixupModel({
    layers: spec,
    inputShape: [2],
    numClasses: 2,
    alpha: settings.alpha,
    lambdaMode: settings.lambda,
    seed: settings.seed,
  });
  return { model, placeLayer };
}
