import * as tf from '@tensorflow/tfjs-core';
import { input, layers as tfLayers, model as functionalModel, type LayersModel } from '@tensorflow/tfjs-layers';
import { chainGraph, runLayerGraph } from './layer-graph.js';
import type { ManifoldMixupModel } from './model.js';

export interface ToLayersModelOptions {
  /** Name of the returned model; default 'manifold_mixup'. */
  name?: string;
}

type LayerClass = { fromConfig(cls: unknown, config: tf.serialization.ConfigDict): tfLayers.Layer };

/** A new layer of the same class and config as `layer` (its weights are set separately). */
function cloneLayer(layer: tfLayers.Layer): tfLayers.Layer {
  const cls = layer.constructor as unknown as LayerClass;
  if (typeof cls.fromConfig !== 'function') {
    throw new Error(`toLayersModel: layer ${layer.name} (${layer.getClassName()}) cannot be rebuilt from its config`);
  }
  return cls.fromConfig(cls, layer.getConfig());
}

/**
 * The network as a functional tf.LayersModel over copies of its layers and weights. Its output
 * is what `predict` returns: probabilities (a softmax is appended when the last layer outputs
 * logits). Every layer's config is kept, so tf.loadLayersModel rebuilds it without our code.
 */
export function toLayersModel(model: ManifoldMixupModel, options: ToLayersModelOptions = {}): LayersModel {
  const clones: tfLayers.Layer[] = [];
  try {
    const x = input({ shape: model.inputShape });
    for (const layer of model.layers) clones.push(cloneLayer(layer));
    const applyClone = (i: number, inputs: typeof x | Array<typeof x>) => clones[i].apply(inputs) as typeof x;
    let h = runLayerGraph(model.graph ?? chainGraph(clones), x, applyClone);
    if (model.logitsSource === 'logits') h = tfLayers.softmax().apply(h) as typeof x;
    const exported = functionalModel({ inputs: x, outputs: h, name: options.name ?? 'manifold_mixup' });
    model.layers.forEach((layer, i) => {
      const values = tf.tidy(() => layer.weights.map((w) => w.read().clone()));
      clones[i].setWeights(values);
      tf.dispose(values);
    });
    return exported;
  } catch (error) {
    for (const clone of clones) clone.dispose();
    throw error;
  }
}
