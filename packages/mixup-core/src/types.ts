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
  /** Callbacks in tf.LayersModel.fit's shape (0-based epoch and batch; awaited when async). */
  callbacks?: FitCallbacks | FitCallbacks[];
  /** 0 (default): silent; 1 or 2: one line per epoch on the console, as tf.LayersModel.fit's verbose 2. */
  verbose?: 0 | 1 | 2;
}

/** Keras-style logs: `loss`, and after a validated epoch `val_loss` and `val_acc`. */
export type FitLogs = Record<string, number>;

/** The callback shape of tf.LayersModel.fit (tfjs' CustomCallbackArgs). */
export interface FitCallbacks {
  onTrainBegin?: (logs?: FitLogs) => void | Promise<void>;
  onTrainEnd?: (logs?: FitLogs) => void | Promise<void>;
  onEpochBegin?: (epoch: number, logs?: FitLogs) => void | Promise<void>;
  onEpochEnd?: (epoch: number, logs?: FitLogs) => void | Promise<void>;
  onBatchBegin?: (batch: number, logs?: FitLogs) => void | Promise<void>;
  onBatchEnd?: (batch: number, logs?: FitLogs) => void | Promise<void>;
}
