import { rangeError } from '@manifold-mixup/errors';
import * as tf from '@tensorflow/tfjs-core';
import { fusedAdamAvailable, fusedAdamUpdate, type FusedAdamScalars } from './fused-adam.js';

// Adam in TensorFlow/Keras' form, the parts every Adam of ours shares (FusedAdamOptimizer here,
// mixup-core's checkpointable Adam): the step's scalars, the moments, and the update itself, fused
// on wasm or as elementwise kernels doing the same f32 operations in the same order elsewhere.

export interface AdamConfig {
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** Keras' defaults (tf.train.adam's too). */
export const ADAM_DEFAULTS: Readonly<AdamConfig> = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/**
 * The scalars of update number `step` (1-based) at `learningRate`: the bias corrections folded into
 * the step size, lr_t = lr·sqrt(1−β2^t)/(1−β1^t), added as −lr_t·m/(sqrt(v) + ε).
 */
export function adamScalars(config: AdamConfig, learningRate: number, step: number): FusedAdamScalars {
  const { beta1, beta2, epsilon } = config;
  const stepSize = (learningRate * Math.sqrt(1 - beta2 ** step)) / (1 - beta1 ** step);
  return { beta1, oneMinusBeta1: 1 - beta1, beta2, oneMinusBeta2: 1 - beta2, epsilon, step: -stepSize };
}

/** A moment of `variable`: zeros of its shape, not trainable. */
export function adamMoment(variable: tf.Tensor): tf.Variable {
  return tf.tidy(() => tf.variable(tf.zerosLike(variable), false));
}

/** Whether an Adam asked for `fused` (default true) updates with the fused kernel on tfjs' backend now. */
export function adamRunsFused(fused: boolean | undefined): boolean {
  return fused !== false && fusedAdamAvailable();
}

/** [w', m', v'] as the elementwise kernels compute them: the f32 operations of the fused kernel, in its order. */
function elementwiseAdamUpdate(
  w: tf.Tensor,
  g: tf.Tensor,
  m: tf.Tensor,
  v: tf.Tensor,
  s: FusedAdamScalars,
): tf.Tensor[] {
  const m2 = tf.add(tf.mul(m, tf.scalar(s.beta1)), tf.mul(g, tf.scalar(s.oneMinusBeta1)));
  const v2 = tf.add(tf.mul(v, tf.scalar(s.beta2)), tf.mul(tf.square(g), tf.scalar(s.oneMinusBeta2)));
  const w2 = tf.add(w, tf.mul(tf.div(m2, tf.add(tf.sqrt(v2), tf.scalar(s.epsilon))), tf.scalar(s.step)));
  return [w2, m2, v2];
}

/**
 * One Adam update of `w` with gradient `g`: m, v and w are assigned their new values. `fused`: one
 * fusedAdamUpdate pass (adamRunsFused must be true); else the elementwise kernels, bit-identical.
 * `scalars.l2` (an L2 penalty's gradient folded in) needs the fused pass.
 */
export function applyAdamUpdate(
  w: tf.Variable,
  g: tf.Tensor,
  m: tf.Variable,
  v: tf.Variable,
  scalars: FusedAdamScalars,
  fused: boolean,
): void {
  if (!fused && (scalars.l2 ?? 0) !== 0) {
    const requirement = 'must be 0 when fused is false (only the fused update, on wasm, folds an L2 penalty)';
    throw rangeError('applyAdamUpdate', 'scalars.l2', requirement, String(scalars.l2));
  }
  tf.tidy(() => {
    const [w2, m2, v2] = fused ? fusedAdamUpdate(w, g, m, v, scalars) : elementwiseAdamUpdate(w, g, m, v, scalars);
    m.assign(m2);
    v.assign(v2);
    w.assign(w2);
  });
}
