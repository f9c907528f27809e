import type { GridBox } from '@manifold-mixup/analysis';
import type { HiddenReport } from './hidden-space.js';
import type { ModelReport } from './pair-trainer.js';
import type { ModelRole } from './network.js';
import type { BackendReport, FromWorker, PointSet } from './protocol.js';

const DRAWS_KEPT = 100;

/** An epoch's numbers as the page keeps them: the maps' grids are kept for the latest epoch only. */
export interface EpochRecord {
  epoch: number;
  trainSeconds: number;
  measureSeconds: number;
  numTensors: number;
  models: Record<ModelRole, Omit<ModelReport, 'pClass1'>>;
  /** Batches the mixup model mixed at each place in this epoch. */
  draws: number[];
}

/** One hidden unit's activation over the grid, per model. */
export type UnitMaps = Extract<FromWorker, { type: 'unit' }>;

/**
 * What the page knows of the current run: the data, every epoch's numbers (for the curves) and the latest
 * maps. Also `window.__playground`, for a look from the console and for the browser test.
 */
export class RunHistory {
  run = 0;
  playing = false;
  backend: BackendReport | null = null;
  error: string | null = null;
  points: PointSet | null = null;
  test: PointSet | null = null;
  grid: GridBox | null = null;
  epochs: EpochRecord[] = [];
  latestMaps: Record<ModelRole, Float32Array> | null = null;
  /** The hidden-space panels' latest data. */
  hidden: HiddenReport | null = null;
  unit: UnitMaps | null = null;
  /** Bumped on every change, so views redraw only when something is new. */
  version = 0;
  /** How long the page's last draws took, in ms (the most recent DRAWS_KEPT): what training costs the page. */
  drawMilliseconds: number[] = [];

  /** Starts a new run: everything the previous one sent is dropped, and anything it still sends is ignored. */
  startRun(): number {
    this.run += 1;
    this.points = null;
    this.test = null;
    this.grid = null;
    this.epochs = [];
    this.latestMaps = null;
    this.hidden = null;
    this.unit = null;
    this.error = null;
    this.version += 1;
    return this.run;
  }

  /** Takes in a message from the worker; false when it belongs to a superseded run. */
  receive(message: FromWorker): boolean {
    if ('run' in message && message.run !== this.run) return false;
    if (message.type === 'backend') this.backend = message.backend;
    else if (message.type === 'error') this.error = message.message;
    else if (message.type === 'state') this.playing = message.playing;
    else if (message.type === 'data') {
      this.points = message.points;
      this.test = message.test;
      this.grid = message.grid;
    } else if (message.type === 'hidden') this.hidden = message.report;
    else if (message.type === 'unit') this.unit = message;
    else {
      const { report, numTensors } = message;
      const strip = ({ pClass1: _, ...rest }: ModelReport) => rest;
      this.epochs.push({
        epoch: report.epoch,
        trainSeconds: report.trainSeconds,
        measureSeconds: report.measureSeconds,
        numTensors,
        models: { baseline: strip(report.models.baseline), mixup: strip(report.models.mixup) },
        draws: report.draws,
      });
      this.latestMaps = { baseline: report.models.baseline.pClass1, mixup: report.models.mixup.pClass1 };
    }
    this.version += 1;
    return true;
  }

  noteDraw(milliseconds: number): void {
    this.drawMilliseconds.push(milliseconds);
    if (this.drawMilliseconds.length > DRAWS_KEPT) this.drawMilliseconds.shift();
  }

  get latest(): EpochRecord | undefined {
    return this.epochs[this.epochs.length - 1];
  }
}
