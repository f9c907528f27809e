import { checkPositive, sampleLogGamma } from './sample-gamma.js';

/**
 * A Beta(alpha, beta) draw (beta defaults to alpha, the mixup case) as G1 / (G1 + G2)
 * with G ~ Gamma(shape, scale 1), computed from log-gammas so tiny alphas stay finite.
 */
export function sampleBeta(alpha: number, random: () => number, beta: number = alpha): number {
  checkPositive('sampleBeta', 'alpha', alpha);
  checkPositive('sampleBeta', 'beta', beta);
  const logG1 = sampleLogGamma(alpha, random);
  const logG2 = sampleLogGamma(beta, random);
  return 1 / (1 + Math.exp(logG2 - logG1));
}
