// What the mixing did in an epoch: how often each place was drawn, and the first batch mixed at each place (its
// rows, the pairing and λ), for the page to draw. mixup-core's fit reports neither, so the probe wraps the model's
// forward pass, which receives each training batch with its mixing plan (layer, and the mixing matrix
// M = diag(λ) + diag(1 − λ) P). `forward` is internal to mixup-core: if it ever changes shape, the probe reports
// nothing rather than break training (a public hook in fit would be the proper way).
import type { ManifoldMixupModel } from '@manifold-mixup/mixup-core';

/** One batch as it was mixed: row i became λ[i]·row i + (1 − λ[i])·row partner[i] at `place`. */
export interface MixedBatch {
  place: number;
  rows: number;
  /** The batch's inputs, rows × 2. */
  x: Float32Array;
  lambda: Float32Array;
  partner: Int32Array;
}

interface Plan {
  layer: number;
  matrix: { shape: number[]; dataSync(): ArrayLike<number> };
}
type Forward = (x: { shape: number[]; dataSync(): ArrayLike<number> }, training: boolean, mix?: Plan) => unknown;

/** λ and the partner of each row, read off a mixing matrix (row-major, rows × rows). */
export function decodeMixingMatrix(m: ArrayLike<number>, rows: number): { lambda: Float32Array; partner: Int32Array } {
  const lambda = new Float32Array(rows);
  const partner = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    let j = i;
    for (let k = 0; k < rows; k++) if (k !== i && m[i * rows + k] !== 0) j = k;
    partner[i] = j;
    lambda[i] = j === i ? 1 : m[i * rows + i];
  }
  return { lambda, partner };
}

export class MixProbe {
  /** Batches mixed at each place (index) since the last `take`. */
  private counts: number[];
  private batches = new Map<number, MixedBatch>();
  readonly attached: boolean;

  constructor(model: ManifoldMixupModel, places: number) {
    this.counts = new Array<number>(places + 1).fill(0);
    const host = model as unknown as { forward?: Forward };
    const forward = host.forward;
    this.attached = typeof forward === 'function';
    if (typeof forward !== 'function') return;
    host.forward = (...args: Parameters<Forward>) => {
      const [x, training, mix] = args;
      if (training && mix != null) this.record(x, mix);
      return forward.apply(model, args);
    };
  }

  private record(x: { shape: number[]; dataSync(): ArrayLike<number> }, mix: Plan): void {
    if (mix.layer >= this.counts.length) return;
    this.counts[mix.layer] += 1;
    if (this.batches.has(mix.layer)) return;
    const rows = x.shape[0];
    const decoded = decodeMixingMatrix(mix.matrix.dataSync(), rows);
    this.batches.set(mix.layer, { place: mix.layer, rows, x: Float32Array.from(x.dataSync()), ...decoded });
  }

  /** The epoch's draw counts per place and its first batch mixed at each place; then starts afresh. */
  take(): { draws: number[]; batches: Map<number, MixedBatch> } {
    const taken = { draws: this.counts, batches: this.batches };
    this.counts = new Array<number>(this.counts.length).fill(0);
    this.batches = new Map();
    return taken;
  }
}
