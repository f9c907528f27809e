import { PRIMARY_CLAIMS } from '../experiments/generalisation-primary.js';
import {
  INDEPENDENT_MODELS,
  type IndependentModel,
  type IndependentModelRun,
  type IndependentRun,
} from '../independent-run.js';
import type { Verdict } from '../results.js';

/**
 * A small independent run in the shape of independent/torch/results/generalisation-torch.json: two
 * seeds, the MNIST design of the default profile, every primary claim judged `verdicts[id]` (default
 * inconclusive) with a mean of -0.01 and p 0.25. Per model, test error 0.05 + model index / 100.
 */
export function syntheticIndependentRun(verdicts: Record<string, Verdict> = {}): IndependentRun {
  const modelRun = (i: number) => ({
    testError: 0.05 + i / 100,
    testNll: 0.2,
    participationRatio: 8 + i,
    fgsmMeanAccuracy: 0.4,
    deformedMeanAccuracy: 0.65,
  });
  const seed = Object.fromEntries(INDEPENDENT_MODELS.map((m, i) => [m, modelRun(i)])) as Record<
    IndependentModel,
    IndependentModelRun
  >;
  return {
    design: {
      widths: [784, 256, 256, 256, 10],
      init: 'PyTorch default nn.Linear (uniform +-1/sqrt(fan_in), weights and biases)',
      variants: {
        'input-mixup': { alpha: 1, places: ['input'] },
        'manifold-mixup': { alpha: 2, places: ['input', 'h1', 'h2'] },
      },
      trainSize: 5000,
      batch: 100,
      optimiser: { name: 'Adam', lr: 0.001, torchDefaults: 'betas (0.9, 0.999), eps 1e-8' },
      epochs: 60,
      attackEpsilons: [0.01, 0.03, 0.05, 0.1],
      deformations: { rotationDegrees: [20, 40], shearDegrees: [28.6, 57.3], zoomFactors: [0.6, 0.8, 1.2, 1.4] },
    },
    runs: { '0': seed, '1': structuredClone(seed) },
    claims: {
      alpha: 0.05,
      seeds: [0, 1],
      claims: PRIMARY_CLAIMS.map((c) => ({
        id: c.id,
        statistic: c.statistic,
        reference: c.reference,
        alternative: c.alternative,
        n: 2,
        mean: -0.01,
        interval95: [-0.02, 0.005] as [number, number],
        p: 0.25,
        holmP: 1,
        verdict: verdicts[c.id] ?? 'inconclusive',
      })),
    },
  };
}
