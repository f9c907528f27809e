import type * as tf from '@tensorflow/tfjs-core';
import type { History, layers } from '@tensorflow/tfjs-layers';
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
  /** Set when training stopped inside this epoch: `loss` covers the batches that ran, no validation. */
  partial?: true;
}

/**
 * What `fit` resolves to: a tf.History (`history.history.loss`, `acc`, `val_loss`, `val_acc`, one
 * value per epoch of `history.epoch`, the 0-based epochs this call trained) with our per-epoch
 * records beside it.
 */
export interface TrainingHistory {
  /** tf.History's 0-based indices of the epochs trained by this call. */
  epoch: number[];
  /** tf.History's logs per key, one number per entry of `epoch`: loss, acc, val_loss, val_acc. */
  history: { [key: string]: number[] };
  /** Every epoch of the run, 1-based, those resumed from a checkpoint included. */
  epochs: EpochRecord[];
  /** The tfjs backend the model trained on. */
  backend: string;
  /** Epochs restored from a checkpoint rather than trained in this call. */
  resumedEpochs?: number;
}

/** The History instance fit resolves to: tfjs' own class, holding numbers only. */
export type FitHistory = History & TrainingHistory;

/** Examples: a tensor of shape [rows, ...inputShape], or their values row by row in a flat array. */
export type FitInput = tf.Tensor | Float32Array | ArrayLike<number>;
/**
 * Targets: class indices (a tensor of shape [rows] or [rows, 1], or an array of `rows` integers)
 * or one-hot rows (a tensor of shape [rows, numClasses], or a flat array of rows * numClasses).
 */
export type FitTargets = tf.Tensor | ArrayLike<number>;

/**
 * fit's options. Both call shapes take them, `fit(x, y, options)` as tf.LayersModel.fit does and
 * `fit(set, options)` with a LabeledSet; every key is optional and an unknown key is an error.
 */
export interface FitOptions {
  /** Epochs to train, as tf.LayersModel.fit: the index of the last one when `initialEpoch` is set. Default 1. */
  epochs?: number;
  /** Default 32. */
  batchSize?: number;
  /** The epoch to start at (0-based), e.g. to continue an earlier fit; its schedule counts from 0. Default 0. */
  initialEpoch?: number;
  /** Shuffle the training rows before every epoch (from the seed). Default true. */
  shuffle?: boolean;
  /**
   * The learning rate of the model's optimizer when it was given by name: 'adam' 1e-3 (the
   * default), 'sgd' 0.01. A tf.Optimizer brings its own and refuses this option.
   */
  learningRate?: number;
  /** Step decay: multiply the rate by `factor` every `every` epochs. Default: none (a constant rate). */
  lrSchedule?: { every: number; factor: number };
  /** Held-out rows as a LabeledSet: `val_loss` and `val_acc` after every whole epoch. */
  validation?: LabeledSet<ArrayLike<number>>;
  /** Held-out rows as tf.LayersModel.fit takes them: `[x, y]`, in the forms `x` and `y` take. */
  validationData?: [FitInput, FitTargets];
  /** Hold out this fraction (0 < f < 1) of the rows, the last ones before shuffling, as tfjs does. */
  validationSplit?: number;
  /** Seed of the shuffling and mixing stream; default: the model's seed. */
  seed?: number;
  /** Resume from, and write after every epoch, a checkpoint in this directory (Node, Adam only). */
  checkpointDir?: string;
  /**
   * tfjs callbacks, as tf.LayersModel.fit takes them: instances (tf.callbacks.earlyStopping(), a
   * tf.CustomCallback), objects of hooks (tfjs-vis' fitCallbacks), or an array of them; 0-based
   * epoch and batch, awaited.
   */
  callbacks?: FitCallbacks | FitCallbacks[];
  /**
   * 0: silent; 1 or 2: one line per epoch on the console. Default 1 for `fit(x, y, options)`, as
   * tf.LayersModel.fit, and 0 for `fit(set, options)`.
   */
  verbose?: 0 | 1 | 2;
  /** How often object-of-hooks callbacks yield to the event loop, as tf.LayersModel.fit's. Default 'auto'. */
  yieldEvery?: 'auto' | 'batch' | 'epoch' | 'never' | number;
  /** After every batch, 1-based: `{ epoch, step, steps, loss }` (a shorthand kept for the LabeledSet form). */
  onBatchEnd?: (info: { epoch: number; step: number; steps: number; loss: number }) => void;
  /** After every epoch, its record (a shorthand kept for the LabeledSet form). */
  onEpochEnd?: (info: EpochRecord) => void;
}

/** Keras-style logs: `loss` and `acc`, and after a validated epoch `val_loss` and `val_acc`. */
export type FitLogs = Record<string, number>;

/** The callback shape of tf.LayersModel.fit (tfjs' CustomCallbackArgs), which its callback classes have too. */
export interface FitCallbacks {
  onTrainBegin?: (logs?: FitLogs) => void | Promise<void>;
  onTrainEnd?: (logs?: FitLogs) => void | Promise<void>;
  onEpochBegin?: (epoch: number, logs?: FitLogs) => void | Promise<void>;
  onEpochEnd?: (epoch: number, logs?: FitLogs) => void | Promise<void>;
  onBatchBegin?: (batch: number, logs?: FitLogs) => void | Promise<void>;
  onBatchEnd?: (batch: number, logs?: FitLogs) => void | Promise<void>;
  onYield?: (epoch: number, batch: number, logs: FitLogs) => void | Promise<void>;
}
