import type { LabeledSet } from '@manifold-mixup/types';
import { planarSet, type PlanarOptions } from './planar-set.js';

/**
 * XOR: points uniform in [-1, 1]², class 0 where x·y > 0 (first and third quadrants), class 1
 * where x·y < 0; each point is drawn in its class's quadrants, so no label is flipped before
 * the Gaussian noise (default 0.05) is added.
 */
export function xorQuadrants(options: PlanarOptions = {}): LabeledSet {
  return planarSet('xorQuadrants', options, 0.05, (label, _i, _p, random) => {
    const u = random();
    const v = random();
    const sign = random() < 0.5 ? 1 : -1;
    return label === 0 ? [sign * u, sign * v] : [sign * u, -sign * v];
  });
}
