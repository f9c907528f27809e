import { SeededRandom } from '@manifold-mixup/random';
import { hashSeed } from './seeded-math-random.js';

/** The states of fit's two streams, as a checkpoint stores them (uint32 each). */
export interface StreamStates {
  order: number;
  mixing: number;
}

/** Domain of the mixing stream's seed in hashSeed (any constant other than stepSeed's). */
const MIXING_DOMAIN = 0x6d1c5eed;

/** The seed of the mixing stream: a hash of the run's seed, so its draws are unrelated to the order stream's. */
export function mixingSeed(seed: number): number {
  return hashSeed(seed, [1], MIXING_DOMAIN);
}

/**
 * fit's randomness, in two streams derived from one seed. `order` shuffles the rows of every epoch
 * and nothing else; `mixing` draws each step's layer, lambda(s) and pairing. A model that mixes draws
 * from `mixing` only, so two models fitted with the same seed on the same rows see the same batches
 * in every epoch whatever their mixing (a baseline draws nothing from `mixing`). The order stream is
 * mulberry32(seed) itself, as the single stream was: a baseline shuffles exactly as before.
 */
export class FitStreams {
  readonly order: SeededRandom;
  readonly mixing: SeededRandom;

  constructor(seed: number) {
    this.order = new SeededRandom(seed);
    this.mixing = new SeededRandom(mixingSeed(seed));
  }

  get states(): StreamStates {
    return { order: this.order.state, mixing: this.mixing.state };
  }

  /** Continue both streams from a checkpoint's states. */
  restore(states: StreamStates): void {
    this.order.state = states.order;
    this.mixing.state = states.mixing;
  }
}
