import { rangeError } from '@manifold-mixup/errors';
import { sampleNormal } from './sample-normal.js';

/** A Gamma(shape, scale 1) draw: mean = variance = shape. */
export function sampleGamma(shape: number, random: () => number): number {
  checkPositive('sampleGamma', 'shape', shape);
  return Math.exp(sampleLogGamma(shape, random));
}

/**
 * log of a Gamma(shape, scale 1) draw (Marsaglia-Tsang), for a shape already checked by the caller.
 * For shape < 1 it uses Gamma(shape + 1) * U^(1/shape), kept in log space because U^(1/shape)
 * underflows to 0 for small shapes (alpha = 0.1 gives U^10).
 */
export function sampleLogGamma(shape: number, random: () => number): number {
  if (shape < 1) return sampleLogGamma(shape + 1, random) + Math.log(1 - random()) / shape;
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = sampleNormal(random);
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
      return Math.log(d) + Math.log(v);
    }
  }
}

/** Throws a RangeError naming `caller` and `name` unless `value` is a positive finite number. */
export function checkPositive(caller: string, name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value)) {
    throw rangeError(caller, name, 'must be a positive finite number', String(value));
  }
}
