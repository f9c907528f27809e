// The messages between the page (main.ts) and the training worker (worker.ts). Every message from the worker
// carries the `run` it belongs to, the number of the `reset` that started it, so the page drops what a
// superseded run still sends.
import type { GridBox } from '@manifold-mixup/analysis';
import type { EpochReport } from './pair-trainer.js';
import type { Settings } from './settings.js';

export type ToWorker =
  /**
   * Throw the models away, build new ones (and new data) for `settings`; then play on if `play`, else pause.
   * One message, so the answer (`state` of this run) cannot race a separate `play`.
   */
  | { type: 'reset'; run: number; settings: Settings; play: boolean }
  | { type: 'play' }
  | { type: 'pause' }
  /** One epoch, then pause. */
  | { type: 'step' };

export interface BackendReport {
  name: string;
  threads: number;
  accelerations: string[];
  /** Why wasm was not used, when it was not. */
  fallback?: string;
}

export type FromWorker =
  | { type: 'backend'; backend: BackendReport }
  /** After a reset: the training points to draw and the grid the maps are computed on. */
  | { type: 'data'; run: number; points: { x: Float32Array; labels: Uint8Array }; grid: GridBox }
  /** Epoch 0 (the initial models) after a reset, then one per trained epoch. */
  | { type: 'epoch'; run: number; report: EpochReport; numTensors: number }
  | { type: 'state'; run: number; playing: boolean }
  | { type: 'error'; message: string };
