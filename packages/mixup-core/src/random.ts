// All randomness in training comes from one seeded mulberry32 stream whose state is a
// single uint32, so it can be checkpointed and restored exactly.

/** A seeded uniform [0, 1) generator with an inspectable, restorable state. */
export class SeededRandom {
  /** The full generator state (uint32). */
  state: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new Error(`SeededRandom: seed must be a finite number, found ${seed}`);
    this.state = seed >>> 0;
  }

  /** Next uniform draw in [0, 1) (mulberry32). */
  next = (): number => {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** mulberry32 as a plain function, the same stream as SeededRandom. */
export function mulberry32(seed: number): () => number {
  return new SeededRandom(seed).next;
}

/** Standard normal draw (Box-Muller; one value per two uniforms, no cached state). */
export function sampleNormal(rng: () => number): number {
  const u = 1 - rng(); // (0, 1]: log is finite
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * log of a Gamma(shape, scale 1) draw (Marsaglia-Tsang). For shape < 1 it uses
 * Gamma(shape + 1) * U^(1/shape), kept in log space because U^(1/shape) underflows
 * to 0 for small shapes (alpha = 0.1 gives U^10).
 */
export function sampleLogGamma(shape: number, rng: () => number): number {
  if (!(shape > 0) || !Number.isFinite(shape)) {
    throw new Error(`sampleGamma: shape must be a positive finite number, found ${shape}`);
  }
  if (shape < 1) return sampleLogGamma(shape + 1, rng) + Math.log(1 - rng()) / shape;
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = sampleNormal(rng);
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
      return Math.log(d) + Math.log(v);
    }
  }
}

/** A Gamma(shape, scale 1) draw: mean = variance = shape. */
export function sampleGamma(shape: number, rng: () => number): number {
  return Math.exp(sampleLogGamma(shape, rng));
}

/**
 * A Beta(alpha, beta) draw (beta defaults to alpha, the mixup case) as G1 / (G1 + G2)
 * with G ~ Gamma(shape, scale 1), computed from log-gammas so tiny alphas stay finite.
 */
export function sampleBeta(alpha: number, rng: () => number, beta: number = alpha): number {
  const logG1 = sampleLogGamma(alpha, rng);
  const logG2 = sampleLogGamma(beta, rng);
  return 1 / (1 + Math.exp(logG2 - logG1));
}

/** A uniformly random permutation of 0..n-1 (Fisher-Yates) written into `out`. */
export function randomPermutation(n: number, rng: () => number, out: Int32Array = new Int32Array(n)): Int32Array {
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}
