import type { ModelRun } from '../results.js';
import type { GeneralisationSettings } from './generalisation-settings.js';
import { deformations } from '../deformed-sets.js';

/**
 * Made-up statistics of model `model` (0 baseline, 1 input mixup, 2 manifold mixup) with seed `seed`:
 * later models are flatter and more robust, by an amount that varies with the seed, so every claim
 * has a spread and a direction.
 */
export function syntheticGeneralisationRun(
  model: number,
  seed: number,
  s: GeneralisationSettings,
): Pick<ModelRun, 'analysis' | 'attacks' | 'transfer' | 'deformations' | 'history'> {
  const gain = model * (0.02 + seed / 500);
  const attack = (epsilon: number, strength: number, n: number) => ({
    epsilon,
    accuracy: Math.max(0, 0.9 + gain - epsilon * strength),
    n,
    zeroGradientShare: { margin: 0, crossEntropy: model === 0 ? 0.3 : 0.05 },
  });
  const perClass = Array.from({ length: 10 }, (_, c) => 20 - 4 * model + c / 10 + seed / 20);
  return {
    // The baseline's test NLL turns upward (it overfits); the mixing models' keeps falling.
    history: Array.from({ length: s.training.epochs }, (_, e) => ({
      epoch: e + 1,
      loss: 0.5 / (e + 1),
      valLoss: 0.3 - 0.02 * e * model + (model === 0 ? 0.03 * e : 0) + seed / 100,
      valAccuracy: 0.9 + e / 100 + gain,
      learningRate: s.training.learningRate,
    })),
    analysis: {
      flattening: {
        participationRatio: perClass.reduce((a, b) => a + b, 0) / perClass.length,
        perClassParticipationRatio: perClass,
        centred: { largest: 30 - model, sumOfOthers: 70 - 10 * model },
        uncentred: { largest: 50 - 2 * model, sumOfOthers: 80 - 12 * model },
      },
    },
    attacks: {
      fgsm: s.attackEpsilons.map((e) => attack(e, 4, 10_000)),
      pgd: s.attackEpsilons.map((e) => attack(e, 6, s.pgd.limit)),
    },
    transfer: s.attackEpsilons.map((epsilon) => ({
      epsilon,
      accuracy: 0.9 + gain - epsilon * 2,
      sourceAccuracy: 0.9 + gain - epsilon * 4,
      sourceSeed: seed + 1,
      n: 10_000,
    })),
    deformations: deformations(s.deformations).map((d, i) => ({
      name: d.name,
      accuracy: 0.8 + gain - i / 50,
      n: 10_000,
    })),
  };
}
