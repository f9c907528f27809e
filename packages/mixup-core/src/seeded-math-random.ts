import { SeededRandom } from '@manifold-mixup/random';

/**
 * Runs `fn` with Math.random replaced by a seeded stream. tfjs draws its hidden randomness from
 * Math.random: weight initialisers, and dropout masks when a layer has no seed of its own (a layer
 * seed would repeat the same mask on every call). Seeding it makes both reproducible.
 */
export function withSeededMathRandom<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  Math.random = new SeededRandom(seed).next;
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

/**
 * A 32-bit seed for one training step, a pure function of (run seed, epoch, step), so a run resumed
 * from a checkpoint draws the same dropout masks as an uninterrupted one without extra saved state.
 */
export function stepSeed(seed: number, epoch: number, step: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const v of [epoch, step]) {
    h = Math.imul(h ^ (v >>> 0), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h;
}
