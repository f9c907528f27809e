import { makeData, type PlaygroundData } from './data.js';
import { measure, predictionInput, type ModelMetrics } from './measure.js';
import { MixProbe, type MixedBatch } from './mix-probe.js';
import { buildModel, type BuiltModel, type ModelRole } from './network.js';
import { hiddenLayers, type Settings } from './settings.js';

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
  /** Batches the mixup model mixed at each place (index) in this epoch; all 0 before training. */
  draws: number[];
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
  readonly built: Record<ModelRole, BuiltModel>;
  /** The first batch mixed at each place in the last epoch trained. */
  lastBatches = new Map<number, MixedBatch>();
  private readonly probe: MixProbe;
  private readonly rows: Float32Array;
  private epochsDone = 0;

  constructor(readonly settings: Settings) {
    this.data = makeData(settings);
    this.built = { baseline: buildModel(settings, 'baseline'), mixup: buildModel(settings, 'mixup') };
    this.probe = new MixProbe(this.built.mixup.model, hiddenLayers(settings));
    this.rows = predictionInput(this.data.train, this.data.test, this.data.grid);
  }

  get epoch(): number {
    return this.epochsDone;
  }

  /** The models as they are (before training: their initial weights), measured without training. */
  async measureNow(
    objective: Record<ModelRole, number> = { baseline: NaN, mixup: NaN },
    draws: number[] = new Array<number>(hiddenLayers(this.settings) + 1).fill(0),
  ): Promise<EpochReport> {
    const started = performance.now();
    const { train, test, grid } = this.data;
    const models = {} as Record<ModelRole, ModelReport>;
    for (const role of ROLES) {
      const probabilities = await this.built[role].model.predict(this.rows, { batchSize: this.rows.length / 2 });
      const { metrics, pClass1 } = measure(probabilities, train, test, grid);
      models[role] = { ...metrics, objective: objective[role], pClass1 };
    }
    const measureSeconds = (performance.now() - started) / 1000;
    return { epoch: this.epochsDone, trainSeconds: 0, measureSeconds, models, draws };
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
      const history = await this.built[role].model.fit(this.data.train, options);
      objective[role] = history.epochs[0].loss;
    }
    const trainSeconds = (performance.now() - started) / 1000;
    this.epochsDone += 1;
    const { draws, batches } = this.probe.take();
    this.lastBatches = batches;
    return { ...(await this.measureNow(objective, draws)), trainSeconds };
  }

  /** Activations of `x` (rows × 2) at place p ≥ 1 of one model: rows × cols. */
  async activations(role: ModelRole, x: Float32Array, place: number): Promise<{ values: Float32Array; cols: number }> {
    const { model, placeLayer } = this.built[role];
    const { values, cols } = await model.activations(x, placeLayer[place], { batchSize: 4096 });
    return { values, cols };
  }

  dispose(): void {
    for (const role of ROLES) this.built[role].model.dispose();
  }
}
