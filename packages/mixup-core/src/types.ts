import type { layers } from '@tensorflow/tfjs-layers';
import type { LabeledSet } from '@manifold-mixup/types';

/** A tfjs layer and whether the activations entering it may be mixed. */
export type LayerSpec = [layer: layers.Layer, eligible: boolean];

export interface EpochRecord {
  /** 1-based epoch number. */
  epoch: number;
  /** Mean training loss (cross-entropy against the mixed targets) over the epoch. */
  loss: number;
  valLoss?: number;
  valAccuracy?: number;
  learningRate: number;
  seconds: number;
}

export interface TrainingHistory {
  epochs: EpochRecord[];
  /** The tfjs backend the model trained on. */
  backend: string;
  /** Epochs restored from a checkpoint rather than trained in this call. */
  resumedEpochs?: number;
}

export interface FitOptions {
  epochs: number;
  batchSize: number;
  /** Adam learning rate, default 1e-3. */
  learningRate?: number;
  /** Step decay: multiply the rate by `factor` every `every` epochs; default {every: 10, factor: 0.1}. */
  lrSchedule?: { every: number; factor: number };
  validation?: LabeledSet<ArrayLike<number>>;
  /** Seed of the shuffling and mixing stream; default: the model's seed. */
  seed?: number;
  /** Resume from, and write after every epoch, a checkpoint in this directory. */
  checkpointDir?: string;
  onBatchEnd?: (info: { epoch: number; step: number; steps: number; loss: number }) => void;
  onEpochEnd?: (info: EpochRecord) => void;
}
