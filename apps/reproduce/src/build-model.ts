import * as tfl from '@tensorflow/tfjs-layers';
import { ManifoldMixupModel, type LayerSpec } from '@manifold-mixup/mixup-core';
import type { ModelJob } from './model-job.js';

/**
 * The model of a job as mixup-core's `[layer, eligible]` list: each hidden Dense layer (linear) is
 * followed by its LeakyReLU(0.3) as a separate layer (tfjs has no leaky activation string), then by a
 * Dropout layer when the spec asks for one; the output Dense has the softmax. Eligibility sits on the
 * Dense layers, as the seed flagged its Dense layers. L2 penalties go through the tfjs idiom
 * (`kernelRegularizer`), which mixup-core's fit adds to the loss. mixup-core seeds the initialisers
 * from the job's seed, so every model of an experiment starts from the same weights (their shapes
 * agree; regularizers and dropout layers draw no initial values).
 */
export function buildLayers(job: ModelJob): LayerSpec[] {
  const specs: LayerSpec[] = [];
  job.layers.forEach((layer, i) => {
    const dense = tfl.layers.dense({
      units: layer.units,
      activation: layer.activation === 'softmax' ? 'softmax' : 'linear',
      ...(i === 0 ? { inputShape: [job.inputSize] } : {}),
      ...(layer.l2 === undefined ? {} : { kernelRegularizer: tfl.regularizers.l2({ l2: layer.l2 }) }),
    });
    specs.push([dense, layer.eligible] as LayerSpec);
    if (layer.activation === 'leakyRelu')
      specs.push([tfl.layers.leakyReLU({ alpha: job.leakyReluAlpha }), false] as LayerSpec);
    if (layer.dropoutAfter !== undefined)
      specs.push([tfl.layers.dropout({ rate: layer.dropoutAfter }), false] as LayerSpec);
  });
  return specs;
}

/**
 * Index in the layer list of the activation that follows Dense layer `denseIndex` (its LeakyReLU, if
 * any; never the Dropout after it, which is the identity outside training anyway).
 */
export function activationIndex(job: ModelJob, denseIndex: number): number {
  let index = -1;
  job.layers.forEach((layer, i) => {
    if (i > denseIndex) return;
    index += 1 + (layer.activation === 'leakyRelu' ? 1 : 0);
    if (i < denseIndex && layer.dropoutAfter !== undefined) index += 1;
  });
  return index;
}

export function buildModel(job: ModelJob): ManifoldMixupModel {
  const numClasses = job.layers[job.layers.length - 1].units;
  return new ManifoldMixupModel({
    layers: buildLayers(job),
    inputShape: [job.inputSize],
    numClasses,
    alpha: job.alpha,
    seed: job.seed,
    lambdaMode: job.lambdaMode,
    output: 'softmax',
  });
}
