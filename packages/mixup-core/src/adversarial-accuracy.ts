import type { LabeledSet } from '@manifold-mixup/types';
import { forEachAttackedBatch } from './adversarial-batches.js';
import { countCorrect } from './attack-batches.js';
import { zeroGradientRows, type AttackLoss } from './attack-objective.js';
import { checkAttack, type AttackOptions } from './attack-options.js';
import type { ManifoldMixupModel } from './model.js';

export interface AdversarialPoint {
  epsilon: number;
  /** Share of the examples classified correctly after the attack. */
  accuracy: number;
  n: number;
  /**
   * Share of the examples whose input gradient is exactly zero in every component at the clean
   * input, for each loss: the examples a gradient attack on that loss cannot move. The same at
   * every ε; cross-entropy's is computed as `fgsmAccuracy` computes its gradient.
   */
  zeroGradientShare: { margin: number; crossEntropy: number };
}

const LOSSES: readonly AttackLoss[] = ['margin', 'cross-entropy'];

/**
 * Accuracy under an L∞ attack at every ε, with the model in inference mode. 'fgsm' moves each
 * example once, x' = clip(x + ε·sign(∇ₓ objective)); 'pgd' takes `steps` such steps of `stepSize`
 * from a seeded random start, projecting onto the ε-ball and the clip range after each. The
 * objective is the cross-entropy or minus the logit margin z_y − max_{j≠y} z_j (see AttackLoss).
 * ε = 0 gives the clean accuracy.
 *
 * ```ts
 * const points = adversarialAccuracy(model, test, {
 *   attack: 'pgd', loss: 'margin', epsilons: [0.01, 0.03, 0.05, 0.1], seed: 1, clip: [0, 1],
 * }); // [{ epsilon: 0.01, accuracy, n, zeroGradientShare: { margin, crossEntropy } }, ...]
 * ```
 */
export function adversarialAccuracy(
  model: ManifoldMixupModel,
  data: LabeledSet<ArrayLike<number>>,
  options: AttackOptions,
): AdversarialPoint[] {
  const plan = checkAttack('adversarialAccuracy', model, data, options);
  const correct = new Array<number>(plan.epsilons.length).fill(0);
  const zero = new Map(LOSSES.map((loss) => [loss, 0]));
  forEachAttackedBatch(model, data, plan, LOSSES, (batch) => {
    batch.cleanGradients.forEach((gradient, loss) => {
      zero.set(loss, (zero.get(loss) ?? 0) + zeroGradientRows(gradient).reduce((a, b) => a + b, 0));
    });
    plan.epsilons.forEach((_, e) => {
      correct[e] += countCorrect(model, batch.adversarial(e), data, batch.start);
    });
  });
  const zeroGradientShare = {
    margin: (zero.get('margin') ?? 0) / data.n,
    crossEntropy: (zero.get('cross-entropy') ?? 0) / data.n,
  };
  return plan.epsilons.map((epsilon, e) => ({
    epsilon,
    accuracy: correct[e] / data.n,
    n: data.n,
    zeroGradientShare: { ...zeroGradientShare },
  }));
}
