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
  return hashSeed(seed, [epoch, step], 0x9e3779b9);
}

/**
 * A 32-bit hash of `seed` and `values` (murmur3's finaliser folded over them); `domain` keeps the
 * seeds of different uses apart. Used to derive independent streams from one seed: mulberry32 streams
 * from nearby seeds are the same sequence shifted, so a derived seed must be hashed, not offset.
 */
export function hashSeed(seed: number, values: readonly number[], domain: number): number {
  let h = (seed ^ domain) >>> 0;
  for (const v of values) {
    h = Math.imul(h ^ (v >>> 0), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h;
}
