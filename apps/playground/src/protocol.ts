// The messages between the page (main.ts) and the training worker (worker.ts). Every message from the worker
// carries the `run` it belongs to, the number of the `reset` that started it, so the page drops what a
// superseded run still sends.
import type { GridBox } from '@manifold-mixup/analysis';
import type { HiddenReport } from './hidden-space.js';
import type { ModelRole } from './network.js';
import type { EpochReport } from './pair-trainer.js';
import type { Settings } from './settings.js';

export type ToWorker =
  /**
   * Throw the models away, build new ones (and new data) for `settings`; then play on if `play`, else pause.
   * One message, so the answer (`state` of this run) cannot race a separate `play`.
   */
  | { type: 'reset'; run: number; settings: Settings; play: boolean; place: number }
  | { type: 'play' }
  | { type: 'pause' }
  /** One epoch, then pause. */
  | { type: 'step' }
  /** Playing stops when the run reaches this epoch (null: never). */
  | { type: 'stop'; epoch: number | null }
  /** Show this place in the hidden-space panels (answered with `hidden` now, and after every epoch). */
  | { type: 'place'; place: number }
  /** Fit the hidden-space projections again, on the activations as they are now. */
  | { type: 'refit' }
  /** The activation of one unit at a place over the map's grid, for both models (null: none wanted). */
  | { type: 'unit'; unit: { place: number; index: number } | null };

export interface BackendReport {
  name: string;
  threads: number;
  accelerations: string[];
  /** Why wasm was not used, when it was not. */
  fallback?: string;
}

export interface PointSet {
  x: Float32Array;
  labels: Uint8Array;
}

export type FromWorker =
  | { type: 'backend'; backend: BackendReport }
  /** After a reset: the training and test points to draw and the grid the maps are computed on. */
  | { type: 'data'; run: number; points: PointSet; test: PointSet; grid: GridBox }
  /** Epoch 0 (the initial models) after a reset, then one per trained epoch. */
  | { type: 'epoch'; run: number; report: EpochReport; numTensors: number }
  | { type: 'hidden'; run: number; report: HiddenReport }
  | { type: 'unit'; run: number; place: number; index: number; epoch: number; maps: Record<ModelRole, Float32Array> }
  | { type: 'state'; run: number; playing: boolean }
  | { type: 'error'; message: string };
