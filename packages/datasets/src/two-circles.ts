import { rangeError } from '@manifold-mixup/errors';
import type { LabeledSet } from '@manifold-mixup/types';
import { planarSet, type PlanarOptions } from './planar-set.js';

export interface TwoCirclesOptions extends PlanarOptions {
  /** Radius of the inner circle (class 1) relative to the outer one (class 0, radius 1); default 0.5. */
  factor?: number;
}

/** Two concentric circles (scikit-learn's make_circles), angles evenly spaced; Gaussian noise (default 0.05). */
export function twoCircles(options: TwoCirclesOptions = {}): LabeledSet {
  const { factor = 0.5 } = options;
  if (!(factor > 0 && factor < 1)) throw rangeError('twoCircles', 'factor', 'must be in (0, 1)', String(factor));
  return planarSet('twoCircles', options, 0.05, (label, i, p) => {
    const t = (2 * Math.PI * i) / Math.max(p, 1);
    const r = label === 0 ? 1 : factor;
    return [r * Math.cos(t), r * Math.sin(t)];
  });
}
