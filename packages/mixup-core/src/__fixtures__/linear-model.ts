import * as tf from '@tensorflow/tfjs-core';
import { layers } from '@tensorflow/tfjs-layers';
import { ManifoldMixupModel } from '../model.js';

/** A linear softmax classifier with known weights: logits z = x·W + b (W is features x classes). */
export function linearModel(W: number[][], b: number[]): ManifoldMixupModel {
  const dense = layers.dense({ units: b.length, activation: 'linear' });
  const model = new ManifoldMixupModel({
    layers: [[dense, false]],
    inputShape: [W.length],
    numClasses: b.length,
    output: 'logits',
  });
  const weights = [tf.tensor2d(W), tf.tensor1d(b)];
  dense.setWeights(weights);
  tf.dispose(weights); // the layer's variables hold their own reference
  return model;
}
