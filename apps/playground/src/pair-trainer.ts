import type { ManifoldMixupModel } from '@manifold-mixup/mixup-core';
import { makeData, type PlaygroundData } from './data.js';
import { measure, predictionInput, type ModelMetrics } from './measure.js';
import { buildModel, type ModelRole } from './network.js';
import type { Settings } from './settings.js';

export const ROLES: readonly ModelRole[] = ['baseline', 'mixup'];

export interface ModelReport extends ModelMetrics {
  /** The epoch's mean training objective (against mixed targets for the mixup model), as fit reports it. */
  objective: number;
  /** P(class 1) at each grid cell, y outer, x inner. */
  pClass1: Float32Array;
}

export interface EpochReport {
  epoch: number;
  /** Wall-clock seconds of the epoch's training (both models) and of its measurements. */
  trainSeconds: number;
  measureSeconds: number;
  models: Record<ModelRole, ModelReport>;
}

/**
 * Each epoch is a fit of one epoch from its own seed, derived from the setting's seed and the epoch number,
 * and the same for both models: the shuffle of every epoch is the same for both, however many draws mixing
 * took before, so the mixing is the only difference (Adam's state lives in the model, across fits).
 */
export function epochSeed(seed: number, epoch: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(epoch + 1, 0x85ebca6b)) >>> 0;
}

/** Two models of one setting, the baseline and the mixup model, trained and measured epoch by epoch. */
export class PairTrainer {
  readonly data: PlaygroundData;
  readonly models: Record<ModelRole, ManifoldMixupModel>;
  private readonly rows: Float32Array;
  private epochsDone = 0;

  constructor(readonly settings: Settings) {
    this.data = makeData(settings);
    this.models = { baseline: buildModel(settings, 'baseline'), mixup: buildModel(settings, 'mixup') };
    this.rows = predictionInput(this.data.train, this.data.test, this.data.grid);
  }

  get epoch(): number {
    return this.epochsDone;
  }

  /** The models as they are (before training: their initial weights), measured without training. */
  async measureNow(objective: Record<ModelRole, number> = { baseline: NaN, mixup: NaN }): Promise<EpochReport> {
    const started = performance.now();
    const { train, test, grid } = this.data;
    const models = {} as Record<ModelRole, ModelReport>;
    for (const role of ROLES) {
      const probabilities = await this.models[role].predict(this.rows, { batchSize: this.rows.length / 2 });
      const { metrics, pClass1 } = measure(probabilities, train, test, grid);
      models[role] = { ...metrics, objective: objective[role], pClass1 };
    }
    const measureSeconds = (performance.now() - started) / 1000;
    return { epoch: this.epochsDone, trainSeconds: 0, measureSeconds, models };
  }

  /** Trains both models for one epoch, then measures them. */
  async trainEpoch(): Promise<EpochReport> {
    const { lr, batch, seed } = this.settings;
    const options = {
      epochs: 1,
      batchSize: batch,
      learningRate: lr,
      lrSchedule: { every: 1, factor: 1 }, // constant: every fit is epoch 0 of its own run
      seed: epochSeed(seed, this.epochsDone),
    };
    const started = performance.now();
    const objective = { baseline: NaN, mixup: NaN };
    for (const role of ROLES) {
      const history = await this.models[role].fit(this.data.train, options);
      objective[role] = history.epochs[0].loss;
    }
    const trainSeconds = (performance.now() - started) / 1000;
    this.epochsDone += 1;
    return { ...(await this.measureNow(objective)), trainSeconds };
  }

  dispose(): void {
    for (const role of ROLES) this.models[role].dispose();
  }
}
