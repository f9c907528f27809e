/**
 * mulberry32: a tiny, fast 32-bit seeded PRNG (Tommy Ettinger's). Returns a function that yields
 * uniform numbers in [0, 1) with 2^-32 resolution. Same seed, same sequence; the seed is taken modulo 2^32.
 */
export function mulberry32(seed: number): () => number {
  if (!Number.isFinite(seed)) throw new RangeError(`mulberry32: seed must be a finite number, found ${seed}`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
