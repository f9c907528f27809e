import * as tf from '@tensorflow/tfjs-core';
import type { layers } from '@tensorflow/tfjs-layers';
import { buildLayers } from './build-layers.js';
import { withSeededMathRandom } from './seeded-math-random.js';

type LayerClass = { fromConfig(cls: unknown, config: unknown): layers.Layer };

/**
 * Re-draw the weights of built `layerList` from their own initializers, seeded as the
 * ManifoldMixupModel constructor seeds a build: fresh layers from each one's config are built in
 * order on [1, ...inputShape] with Math.random seeded, and their weights copied in. The layers (and
 * any model sharing them) keep their variables; only the values change.
 */
export function reinitializeLayers(
  layerList: readonly layers.Layer[],
  inputShape: readonly number[],
  seed: number,
): void {
  const fresh = layerList.map((layer) => {
    const cls = layer.constructor as unknown as LayerClass;
    return cls.fromConfig(cls, layer.getConfig());
  });
  try {
    withSeededMathRandom(seed ^ 0x5eed, () => tf.tidy(() => void buildLayers(fresh, inputShape)));
    layerList.forEach((layer, i) => layer.setWeights(fresh[i].getWeights()));
  } finally {
    for (const layer of fresh) layer.dispose();
  }
}
