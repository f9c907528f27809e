import { rangeError, typeError } from '@manifold-mixup/errors';
import * as tf from '@tensorflow/tfjs-core';
import type { AdamConfig } from '@manifold-mixup/tfjs-wasm-training';
import { choiceError } from './option-checks.js';

/**
 * The optimizer a model trains with: a tf.Optimizer (tf.train.sgd(0.1), tf.train.momentum(...),
 * tf.train.adam(...), the optimizer a wrapped net was compiled with, ...) or a name: 'adam' (the
 * default) or 'sgd' (SGD with momentum 0.9, as the paper trains CIFAR).
 */
export type OptimizerOption = tf.Optimizer | 'adam' | 'sgd';

/** The paper's (and Keras' SGD-with-momentum recipes') momentum for 'sgd'. */
export const SGD_MOMENTUM = 0.9;
/** Keras' default rates, per name. */
const DEFAULT_RATES = { adam: 1e-3, sgd: 0.01 } as const;
/** tf.Optimizer classes that run as our Adam (the fused SIMD update on wasm), with their own hyperparameters. */
const ADAM_CLASSES = ['Adam', 'FusedAdam'];

interface RateHolder {
  learningRate?: unknown;
  setLearningRate?: (rate: number) => void;
}

/** Whether `value` can serve as a tf.Optimizer (duck-typed: a second copy of tfjs-core has its own class). */
function isTfOptimizer(value: unknown): value is tf.Optimizer {
  return (
    value != null &&
    typeof value === 'object' &&
    typeof (value as tf.Optimizer).applyGradients === 'function' &&
    typeof (value as tf.Optimizer).getClassName === 'function'
  );
}

/** The optimizer option of `where` checked; undefined is 'adam'. */
export function checkOptimizerOption(value: unknown, where: string, field = 'optimizer'): OptimizerOption {
  if (value === undefined || value === 'adam' || value === 'sgd' || isTfOptimizer(value)) return value ?? 'adam';
  throw choiceError(where, field, "must be a tf.Optimizer, 'adam' or 'sgd'", value);
}

/** Adam's hyperparameters (and the rate it came with) when `option` runs as our Adam, else null. */
export function adamConfigOf(option: OptimizerOption): { config: Partial<AdamConfig>; learningRate?: number } | null {
  if (option === 'adam') return { config: {} };
  if (option === 'sgd' || !ADAM_CLASSES.includes(option.getClassName())) return null;
  const { learningRate, ...rest } = option.getConfig() as Record<string, unknown>;
  const config: Partial<AdamConfig> = {};
  for (const key of ['beta1', 'beta2', 'epsilon'] as const) {
    if (typeof rest[key] === 'number') config[key] = rest[key];
  }
  return typeof learningRate === 'number' ? { config, learningRate } : { config };
}

/** What `optimizer` is called in messages and checkpoints: 'adam', 'sgd' or the tf.Optimizer's class name. */
export function optimizerName(option: OptimizerOption): string {
  return typeof option === 'string' ? option : option.getClassName();
}

/** A tf.Optimizer's own learning rate, when it keeps one as a number. */
function ownRate(optimizer: tf.Optimizer): number | undefined {
  const rate = (optimizer as unknown as RateHolder).learningRate;
  return typeof rate === 'number' ? rate : undefined;
}

/**
 * The base learning rate of a fit: `given` for a named optimizer (else its default), a
 * tf.Optimizer's own (which `given` may not override: it is set on the optimizer).
 */
export function baseLearningRate(option: OptimizerOption, given: number | undefined, where: string): number {
  if (typeof option === 'string') return given ?? DEFAULT_RATES[option];
  const own = adamConfigOf(option)?.learningRate ?? ownRate(option);
  if (given !== undefined) {
    const requirement = `must be left out: the model trains with a tf.Optimizer (${option.getClassName()}) that has its own rate (${own}); set it there`;
    throw rangeError(where, 'options.learningRate', requirement, String(given));
  }
  if (own === undefined) {
    const field = `the model's optimizer (${option.getClassName()}).learningRate`;
    throw typeError(where, field, 'must be a number', String((option as unknown as RateHolder).learningRate));
  }
  return own;
}

/**
 * A tf.Optimizer driven by fit: one applyGradients per step with the gradients by variable name, as
 * tf.LayersModel.fit does. A schedule sets its learning rate per epoch (restored after the fit).
 */
export class TfjsOptimizerStep {
  /** L2 penalties stay on the gradient tape: only our fused Adam folds them. */
  readonly foldsL2 = false;
  private readonly baseRate: number | undefined;

  constructor(
    readonly optimizer: tf.Optimizer,
    readonly variables: readonly tf.Variable[],
    /** Whether the model created it ('sgd') and so disposes it. */
    private readonly owned: boolean,
  ) {
    this.baseRate = ownRate(optimizer);
  }

  /** One update; `gradients[i]` belongs to `variables[i]`; null leaves a (frozen) variable as it is. */
  apply(gradients: Array<tf.Tensor | null>, learningRate: number): void {
    this.setRate(learningRate);
    const named: tf.NamedTensorMap = {};
    gradients.forEach((g, i) => {
      if (g != null) named[this.variables[i].name] = g;
    });
    this.optimizer.applyGradients(named);
  }

  /** Puts back the rate the optimizer had before a schedule changed it. */
  restoreRate(): void {
    if (this.baseRate !== undefined) this.setRate(this.baseRate);
  }

  dispose(): void {
    if (this.owned) this.optimizer.dispose();
  }

  private setRate(rate: number): void {
    const holder = this.optimizer as unknown as RateHolder;
    if (holder.learningRate === rate) return;
    // SGD and momentum cache the rate as a scalar tensor that only setLearningRate renews.
    if (typeof holder.setLearningRate === 'function') holder.setLearningRate(rate);
    else holder.learningRate = rate;
  }
}

/** The tf.Optimizer a model creates for the name 'sgd' at `learningRate`. */
export function namedSgd(learningRate: number): tf.Optimizer {
  return tf.train.momentum(learningRate, SGD_MOMENTUM);
}
