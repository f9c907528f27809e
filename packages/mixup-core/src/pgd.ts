import * as tf from '@tensorflow/tfjs-core';
import type { ClipRange } from './attack-batches.js';
import { attackObjective, type AttackLoss } from './attack-objective.js';
import { exactSign } from './exact-sign.js';
import type { ManifoldMixupModel } from './model.js';

export interface PgdStep {
  steps: number;
  stepSize: number;
  clip: ClipRange;
  /** The random start x₀ − x, rows * features values in [−ε, ε]; null: start at x. */
  start: Float32Array | null;
}

/** `count` uniform draws in [−ε, ε] from `random`. */
export function uniformStart(random: () => number, count: number, epsilon: number): Float32Array {
  return Float32Array.from({ length: count }, () => (2 * random() - 1) * epsilon);
}

/**
 * Clamp to [x − ε, x + ε], then to the clip range. Both sets are boxes, so when x lies in the clip
 * range this is the projection onto their intersection; otherwise the clip range wins, as in FGSM.
 */
function project(candidate: tf.Tensor, lower: tf.Tensor, upper: tf.Tensor, clip: ClipRange): tf.Tensor {
  const inBall = tf.minimum(tf.maximum(candidate, lower), upper);
  return clip === null ? inBall : tf.clipByValue(inBall, clip[0], clip[1]);
}

/**
 * Projected gradient ascent on the attack objective (Madry et al. 2018) for one batch:
 * x_{t+1} = Π(x_t + stepSize·sign(∇ objective(x_t))), from x₀ = Π(x + start), with the model in
 * inference mode. Returns x_steps; everything else it creates is disposed.
 */
export function pgdBatch(
  model: ManifoldMixupModel,
  x: tf.Tensor,
  oneHot: tf.Tensor,
  loss: AttackLoss,
  epsilon: number,
  { steps, stepSize, clip, start }: PgdStep,
): tf.Tensor {
  return tf.tidy(() => {
    const lower = tf.sub(x, epsilon);
    const upper = tf.add(x, epsilon);
    const gradientOf = tf.grad(attackObjective(model, oneHot, loss));
    let current = start === null ? x : project(tf.add(x, tf.tensor(start, x.shape)), lower, upper, clip);
    for (let step = 0; step < steps; step++) {
      const from = current;
      current = tf.tidy(() => project(tf.add(from, tf.mul(exactSign(gradientOf(from)), stepSize)), lower, upper, clip));
      // The previous iterate is not needed any more (x itself belongs to the caller).
      if (from !== x) from.dispose();
    }
    return current;
  });
}
