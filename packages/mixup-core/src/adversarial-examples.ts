import type { LabeledSet } from '@manifold-mixup/types';
import { forEachAttackedBatch } from './adversarial-batches.js';
import { checkAttack, type AttackOptions } from './attack-options.js';
import { featureSize } from './batches.js';
import type { ManifoldMixupModel } from './model.js';

/**
 * The attacked inputs `adversarialAccuracy` classifies, one array per options.epsilons (each
 * n * features values, row-major, aligned with data.y): `{ ...data, x: examples[e] }` is a
 * LabeledSet to evaluate any model on.
 */
export function adversarialExamples(
  model: ManifoldMixupModel,
  data: LabeledSet<ArrayLike<number>>,
  options: AttackOptions,
): Float32Array[] {
  const plan = checkAttack('adversarialExamples', model, data, options);
  const size = featureSize(model.inputShape);
  const out = plan.epsilons.map(() => new Float32Array(data.n * size));
  forEachAttackedBatch(model, data, plan, [], (batch) => {
    plan.epsilons.forEach((_, e) => out[e].set(batch.adversarial(e).dataSync(), batch.start * size));
  });
  return out;
}
