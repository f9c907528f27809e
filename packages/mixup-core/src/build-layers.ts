import { rangeError } from '@manifold-mixup/errors';
import * as tf from '@tensorflow/tfjs-core';
import type { layers } from '@tensorflow/tfjs-layers';

/** tfjs builds a layer for whatever input it first sees, so a mismatching declared inputShape would pass silently. */
export function checkDeclaredInputShape(first: layers.Layer, inputShape: readonly number[]): void {
  const declared = first.batchInputShape?.slice(1);
  if (
    declared != null &&
    (declared.length !== inputShape.length || declared.some((d, i) => d != null && d !== inputShape[i]))
  ) {
    const requirement = `must fit layers[0] (${first.name}), which was created with inputShape [${declared.join(', ')}]`;
    throw rangeError('ManifoldMixupModel', 'inputShape', requirement, `[${inputShape.join(', ')}]`);
  }
}

/**
 * Apply every layer in turn to zeros of shape [1, ...inputShape] (this builds them) and return the
 * output. Same computation as `forward(x, false, undefined, layers.length)`, one layer at a time so
 * that tfjs' shape errors can say which layer and which shape.
 */
export function buildLayers(layerList: readonly layers.Layer[], inputShape: readonly number[]): tf.Tensor {
  let h: tf.Tensor = tf.zeros([1, ...inputShape]);
  layerList.forEach((layer, i) => {
    try {
      h = layer.apply(h, { training: false }) as tf.Tensor;
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      const what =
        i === 0
          ? `inputShape [${inputShape.join(', ')}] does not fit layers[0] (${layer.name})`
          : `layers[${i}] (${layer.name}) does not accept the output of layers[${i - 1}], shape [${h.shape.slice(1).join(', ')}] per example`;
      // Two arguments that disagree (the layers and inputShape), at a position: its own wording, tfjs' reason kept.
      throw new RangeError(`ManifoldMixupModel: ${what}: ${reason}`, { cause: error });
    }
  });
  return h;
}
