// The hidden-space panels' data, computed in the worker: the training points' activations at one place of each
// model, in 2-D (a 2-unit bottleneck as it is; a wider layer through a projection fitted once per run, model and
// place, and fitted again only when it has gone stale), and one mixed batch of the mixup model: its pairs and
// blends at λ, at the place shown.
import type { MixedBatch } from './mix-probe.js';
import type { ModelRole } from './network.js';
import { ROLES, type PairTrainer } from './pair-trainer.js';
import { alignment, fitProjection, project, STALE_CHECK_EVERY, STALE_DEGREES, type Projection } from './projection.js';

export interface BatchView {
  /** Where this batch was mixed (0: the input). */
  place: number;
  rows: number;
  lambda: Float32Array;
  partner: Int32Array;
  /** The batch's rows in input space, rows × 2. */
  input: Float32Array;
  /** The same rows at the place shown, through the mixup model's projection, rows × 2. */
  hidden: Float32Array;
}

export interface HiddenReport {
  epoch: number;
  place: number;
  /** Units at that place; 2 is drawn as it is. */
  cols: number;
  /** The epoch each model's projection was fitted at (null: none needed). */
  fittedAt: Record<ModelRole, number | null>;
  /** The training points at that place, rows × 2, per model. */
  models: Record<ModelRole, Float32Array>;
  batch: BatchView | null;
}

/** The batch to show for `place`: the one mixed there if any, else the input's, else the lowest place's. */
export function pickBatch(batches: ReadonlyMap<number, MixedBatch>, place: number): MixedBatch | null {
  if (batches.has(place)) return batches.get(place) ?? null;
  if (batches.has(0)) return batches.get(0) ?? null;
  const first = Math.min(...batches.keys());
  return Number.isFinite(first) ? (batches.get(first) ?? null) : null;
}

export class HiddenSpace {
  private readonly projections = new Map<string, { projection: Projection; epoch: number; checked: number }>();

  constructor(private readonly trainer: PairTrainer) {}

  /** Forget the projections: the next report fits them again on the activations as they are then. */
  refit(): void {
    this.projections.clear();
  }

  private async view(role: ModelRole, place: number, x: Float32Array, fit: boolean) {
    const { values, cols } = await this.trainer.activations(role, x, place);
    const rows = x.length / 2;
    if (cols === 2) return { points: values, cols, fittedAt: null };
    const key = `${role}:${place}`;
    const epoch = this.trainer.epoch;
    let kept = this.projections.get(key);
    if (kept != null && fit && epoch - kept.checked >= STALE_CHECK_EVERY) {
      kept.checked = epoch;
      const labels = this.trainer.data.train.y;
      if (alignment(kept.projection, values, rows, labels) < Math.cos((STALE_DEGREES * Math.PI) / 180))
        kept = undefined;
    }
    if (kept == null && fit) {
      kept = { projection: fitProjection(values, rows, cols, this.trainer.data.train.y), epoch, checked: epoch };
      this.projections.set(key, kept);
    }
    if (kept == null) throw new Error(`HiddenSpace: no projection fitted for ${key}`);
    return { points: project(kept.projection, values, rows), cols, fittedAt: kept.epoch };
  }

  async report(place: number): Promise<HiddenReport> {
    const { train } = this.trainer.data;
    const models = {} as Record<ModelRole, Float32Array>;
    const fittedAt = {} as Record<ModelRole, number | null>;
    let cols = 2;
    for (const role of ROLES) {
      const shown = await this.view(role, place, train.x, true);
      models[role] = shown.points;
      fittedAt[role] = shown.fittedAt;
      cols = shown.cols;
    }
    const mixed = pickBatch(this.trainer.lastBatches, place);
    let batch: BatchView | null = null;
    if (mixed != null) {
      const { points } = await this.view('mixup', place, mixed.x, false);
      const { place: at, rows, lambda, partner, x } = mixed;
      batch = { place: at, rows, lambda, partner, input: x, hidden: points };
    }
    return { epoch: this.trainer.epoch, place, cols, fittedAt, models, batch };
  }
}
