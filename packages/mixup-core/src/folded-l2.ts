import type * as tf from '@tensorflow/tfjs-core';
import type { layers as tfl } from '@tensorflow/tfjs-layers';
import type { ManifoldMixupModel } from './model.js';

// An L2 penalty `tf.regularizers.l2({l2})` on a dense layer's kernel or bias adds l2·Σ(w·w) to the
// loss, and differentiating it costs about six elementwise passes over every weight per step (half
// a weight-decay step's extra time on the 12-D bottleneck). The fused Adam kernel can add the same
// gradient, (l2·w)·2, in the pass it already makes: the penalties' values are then computed outside
// the gradient tape (the same ops, so the same loss) and only the loss's gradient is taped.

/** The L2 penalties of a step that the optimizer adds to the gradients itself. */
export interface FoldedL2 {
  /** l2 per variable of `model.optimizableVariables` (0: none folded). */
  coefficients: number[];
  /** The layers whose every loss is such a penalty, computed outside the tape. */
  layers: Set<tfl.Layer>;
}

interface RegularizerLike {
  getClassName(): string;
  getConfig(): { l1?: number; l2?: number };
}

interface DenseLike {
  getClassName(): string;
  losses: unknown[];
  kernel?: { read(): tf.Variable } | null;
  bias?: { read(): tf.Variable } | null;
  kernelRegularizer?: RegularizerLike | null;
  biasRegularizer?: RegularizerLike | null;
}

/** l2 of a pure L2 regularizer (tfjs' L1L2 with l1 = 0), else null. */
function pureL2(regularizer: RegularizerLike): number | null {
  if (regularizer.getClassName() !== 'L1L2') return null;
  const { l1 = 0, l2 = 0 } = regularizer.getConfig();
  return l1 === 0 && l2 > 0 && Number.isFinite(l2) ? l2 : null;
}

/**
 * The penalties that can be folded: those of Dense layers used once in the model, whose every loss
 * is a pure L2 penalty on its kernel or bias (a user's own `addLoss` or an L1 term keeps the whole
 * layer on the taped path; tfjs refuses activity regularizers when a layer is built).
 */
export function foldableL2(model: ManifoldMixupModel): FoldedL2 {
  const byVariable = new Map<tf.Variable, number>();
  const layers = new Set<tfl.Layer>();
  const seen = new Set(model.layers);
  const usedOnce = seen.size === model.layers.length;
  for (const layer of model.layers) {
    const dense = layer as unknown as DenseLike;
    if (!usedOnce || dense.getClassName() !== 'Dense') continue;
    const penalties: Array<[tf.Variable, number]> = [];
    let foldable = true;
    for (const [weight, regularizer] of [
      [dense.kernel, dense.kernelRegularizer],
      [dense.bias, dense.biasRegularizer],
    ] as const) {
      if (regularizer == null) continue;
      const l2 = pureL2(regularizer);
      if (l2 == null || weight == null) foldable = false;
      else penalties.push([weight.read(), l2]);
    }
    if (!foldable || penalties.length === 0 || dense.losses.length !== penalties.length) continue;
    for (const [variable, l2] of penalties) byVariable.set(variable, l2);
    layers.add(layer);
  }
  return { coefficients: model.optimizableVariables.map((v) => byVariable.get(v) ?? 0), layers };
}
