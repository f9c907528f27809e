import type * as tf from '@tensorflow/tfjs-core';
import { SeededRandom } from '@manifold-mixup/random';
import type { LabeledSet } from '@manifold-mixup/types';
import { forEachLabeledBatch, perturb } from './attack-batches.js';
import { inputGradient, type AttackLoss } from './attack-objective.js';
import type { AttackPlan } from './attack-options.js';
import { featureSize } from './batches.js';
import { exactSign } from './exact-sign.js';
import type { ManifoldMixupModel } from './model.js';
import { pgdBatch, uniformStart } from './pgd.js';

export interface AttackedBatch {
  x: tf.Tensor;
  oneHot: tf.Tensor;
  /** Index of the batch's first example in the data. */
  start: number;
  rows: number;
  /** ∇ₓ of each requested loss's objective at the clean inputs. */
  cleanGradients: ReadonlyMap<AttackLoss, tf.Tensor>;
  /**
   * The attacked inputs at plan.epsilons[e], created in the caller's scope. Call it once per e and
   * batch, every e in every batch: PGD's random start reads the next rows from e's stream.
   */
  adversarial(e: number): tf.Tensor;
}

/**
 * Walks the data batch by batch (inside a tf.tidy each), attacking it with `plan`. PGD's random
 * start draws from one stream per ε, each seeded with plan.seed and read in example order: the
 * draws do not depend on the batch size, and every ε and every model gets the same uniform draws
 * (scaled by ε), so comparisons across them share their start points.
 */
export function forEachAttackedBatch(
  model: ManifoldMixupModel,
  data: LabeledSet<ArrayLike<number>>,
  plan: AttackPlan,
  cleanLosses: readonly AttackLoss[],
  use: (batch: AttackedBatch) => void,
): void {
  const size = featureSize(model.inputShape);
  const seed = plan.seed;
  const streams = seed === null ? null : plan.epsilons.map(() => new SeededRandom(seed).next);
  forEachLabeledBatch(model, data, plan.batchSize, (x, oneHot, start, rows) => {
    const cleanGradients = new Map(cleanLosses.map((loss) => [loss, inputGradient(model, x, oneHot, loss)]));
    // FGSM's direction is the same for every ε: computed once per batch, as fgsmAccuracy does.
    const direction =
      plan.attack === 'fgsm'
        ? exactSign(cleanGradients.get(plan.loss) ?? inputGradient(model, x, oneHot, plan.loss))
        : null;
    const adversarial = (e: number): tf.Tensor => {
      const epsilon = plan.epsilons[e];
      if (direction !== null) return perturb(x, direction, epsilon, plan.clip);
      return pgdBatch(model, x, oneHot, plan.loss, epsilon, {
        steps: plan.steps,
        stepSize: plan.stepSizes[e],
        clip: plan.clip,
        start: streams === null ? null : uniformStart(streams[e], rows * size, epsilon),
      });
    };
    use({ x, oneHot, start, rows, cleanGradients, adversarial });
  });
}
