import type { LabeledSet } from '@manifold-mixup/types';
import { planarSet, type PlanarOptions } from './planar-set.js';

/**
 * Two interleaved half circles (scikit-learn's make_moons): class 0 on (cos t, sin t), class 1
 * on (1 - cos t, 1/2 - sin t), t evenly spaced over [0, pi]; Gaussian noise (default 0.1).
 */
export function twoMoons(options: PlanarOptions = {}): LabeledSet {
  return planarSet('twoMoons', options, 0.1, (label, i, p) => {
    const t = p > 1 ? (Math.PI * i) / (p - 1) : 0;
    return label === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
  });
}
