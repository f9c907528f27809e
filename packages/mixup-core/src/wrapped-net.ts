// The net fromSequential or fromLayersModel wraps stays the user's. What `compile` set on it is
// honoured: its optimizer is the one fit trains with, and its loss must be the cross-entropy Manifold
// Mixup trains (against mixed, soft targets); a loss fit cannot honour, or a second optimizer, is
// refused. And its own fit and ours cannot run at once on the same weights.
import { describeFound, rangeError } from '@manifold-mixup/errors';
import type * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';

/** The losses whose meaning fit keeps: the cross-entropy, with one-hot or index labels. */
const CROSS_ENTROPY = ['categoricalCrossentropy', 'sparseCategoricalCrossentropy'];

/**
 * The optimizer fit should use for `net`: the one it was compiled with (after checking its loss),
 * else `given` (the option, checked by the model); both at once is an error.
 */
export function compiledOptimizer(net: LayersModel, given: unknown, where: string): unknown {
  // `optimizer` is undefined until compile runs.
  const compiled = (net as { optimizer?: tf.Optimizer }).optimizer;
  if (compiled == null) return given;
  const loss: unknown = net.loss;
  if (typeof loss !== 'string' || !CROSS_ENTROPY.includes(loss)) {
    const requirement = `must be ${CROSS_ENTROPY.map((l) => `'${l}'`).join(' or ')} (Manifold Mixup trains cross-entropy against mixed targets), or the model left uncompiled`;
    throw rangeError(where, 'model.loss', requirement, typeof loss === 'string' ? `'${loss}'` : describeFound(loss));
  }
  if (given !== undefined && given !== compiled) {
    throw new TypeError(
      `${where}: options.optimizer and the optimizer the model was compiled with (${compiled.getClassName()}) are two optimizers; give one`,
    );
  }
  return compiled;
}

/** Whether tf.LayersModel.fit is running; set while fit runs (tfjs-layers declares it protected). */
interface TrainingFlag {
  isTraining: boolean;
}

/**
 * The flags tf.LayersModel.fit checks for `net`: its own and, for a tf.Sequential (whose fit is its
 * inner model's), the inner model's.
 */
export function trainingFlags(net: LayersModel | null): TrainingFlag[] {
  if (net == null) return [];
  const inner = (net as unknown as { model?: unknown }).model;
  const flags = [net as unknown as TrainingFlag];
  if (inner != null && typeof inner === 'object' && 'isTraining' in inner) flags.push(inner as TrainingFlag);
  return flags;
}
