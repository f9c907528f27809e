import { rangeError } from '@manifold-mixup/errors';
import type { LabeledSet } from '@manifold-mixup/types';
import { forEachAttackedBatch } from './adversarial-batches.js';
import { countCorrect } from './attack-batches.js';
import { checkAttack, type AttackOptions } from './attack-options.js';
import type { ManifoldMixupModel } from './model.js';

export interface TransferPoint {
  epsilon: number;
  /** Accuracy of the target model on the examples crafted on the source model. */
  targetAccuracy: number;
  /** Accuracy of the source model on them (the white-box attack). */
  sourceAccuracy: number;
  n: number;
}

/**
 * A control for gradient masking: examples crafted on `source` (as `adversarialAccuracy` crafts
 * them) and classified by `target`. A target that resists its own white-box attack but not one
 * transferred from another model hides its gradient rather than being robust.
 */
export function transferAttack(
  source: ManifoldMixupModel,
  target: ManifoldMixupModel,
  data: LabeledSet<ArrayLike<number>>,
  options: AttackOptions,
): TransferPoint[] {
  const where = 'transferAttack';
  const plan = checkAttack(where, source, data, options);
  const describe = (m: ManifoldMixupModel) => `inputShape [${m.inputShape.join(', ')}], ${m.numClasses} classes`;
  if (
    target.inputShape.length !== source.inputShape.length ||
    target.inputShape.some((d, i) => d !== source.inputShape[i]) ||
    target.numClasses !== source.numClasses
  )
    throw rangeError(
      where,
      'target',
      `must take the source's inputs and classes (${describe(source)})`,
      describe(target),
    );
  const onTarget = new Array<number>(plan.epsilons.length).fill(0);
  const onSource = new Array<number>(plan.epsilons.length).fill(0);
  forEachAttackedBatch(source, data, plan, [], (batch) => {
    plan.epsilons.forEach((_, e) => {
      const attacked = batch.adversarial(e);
      onTarget[e] += countCorrect(target, attacked, data, batch.start);
      onSource[e] += countCorrect(source, attacked, data, batch.start);
    });
  });
  return plan.epsilons.map((epsilon, e) => ({
    epsilon,
    targetAccuracy: onTarget[e] / data.n,
    sourceAccuracy: onSource[e] / data.n,
    n: data.n,
  }));
}
