import * as tfl from '@tensorflow/tfjs-layers';
import { ManifoldMixupModel, type LayerSpec } from '@manifold-mixup/mixup-core';
import type { ModelJob } from './model-job.js';

/**
 * The model of a job as mixup-core's `[layer, eligible]` list: each hidden Dense layer (linear) is
 * followed by its LeakyReLU(0.3) as a separate layer (tfjs has no leaky activation string), the output
 * Dense has the softmax. Eligibility sits on the Dense layers, as the seed flagged its Dense layers.
 * mixup-core seeds the initialisers from the job's seed, so every model of an experiment starts from
 * the same weights (their shapes agree; only the eligibility flags differ).
 */
export function buildLayers(job: ModelJob): LayerSpec[] {
  const specs: LayerSpec[] = [];
  job.layers.forEach((layer, i) => {
    const dense = tfl.layers.dense({
      units: layer.units,
      activation: layer.activation === 'softmax' ? 'softmax' : 'linear',
      ...(i === 0 ? { inputShape: [job.inputSize] } : {}),
    });
    specs.push([dense, layer.eligible] as LayerSpec);
    if (layer.activation === 'leakyRelu')
      specs.push([tfl.layers.leakyReLU({ alpha: job.leakyReluAlpha }), false] as LayerSpec);
  });
  return specs;
}

/** Index in the layer list of the activation that follows Dense layer `denseIndex` (its LeakyReLU, if any). */
export function activationIndex(job: ModelJob, denseIndex: number): number {
  let index = -1;
  for (let i = 0; i <= denseIndex; i++) index += job.layers[i].activation === 'leakyRelu' ? 2 : 1;
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
