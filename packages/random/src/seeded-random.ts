import { rangeError } from '@manifold-mixup/errors';

// The whole state of the stream is one uint32, so a training run can checkpoint it and resume
// with exactly the draws it would have made (mixup-core stores `state` in its checkpoints).

/** A seeded uniform [0, 1) generator (mulberry32) with an inspectable, restorable state. */
export class SeededRandom {
  /** The full generator state (uint32); assign a saved value to resume the stream. */
  state: number;

  constructor(seed: number) {
    checkSeed('SeededRandom', seed);
    this.state = seed >>> 0;
  }

  /** Next uniform draw in [0, 1), 2^-32 resolution. An arrow function, so it can be passed around detached. */
  next = (): number => {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** mulberry32 as a plain function: the same stream as `new SeededRandom(seed).next`. */
export function mulberry32(seed: number): () => number {
  checkSeed('mulberry32', seed);
  return new SeededRandom(seed).next;
}

function checkSeed(caller: string, seed: number): void {
  // NaN >>> 0 is 0: without this check a NaN seed would silently become seed 0.
  if (!Number.isFinite(seed)) throw rangeError(caller, 'seed', 'must be a finite number', String(seed));
}
