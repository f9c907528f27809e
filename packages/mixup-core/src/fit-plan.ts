// fit's arguments, in either call shape, made into one plan before anything trains: the options with
// their defaults, the training and validation rows as LabeledSets (converted from tensors or arrays,
// and checked in one pass), the optimizer's base rate and what a checkpoint must match.
import { describeFound, rangeError, typeError } from '@manifold-mixup/errors';
import * as tf from '@tensorflow/tfjs-core';
import type { LabeledSet } from '@manifold-mixup/types';
import { checkLabeledSet } from './batches.js';
import { checkFitOptions, type CheckedFitOptions } from './fit-options.js';
import { toLabeledSet } from './fit-data.js';
import type { ManifoldMixupModel } from './model.js';
import { adamConfigOf, baseLearningRate, optimizerName } from './step-optimizer.js';
import type { FitInput, FitOptions, FitTargets } from './types.js';
import { splitValidation } from './validation-split.js';

export interface FitPlan extends CheckedFitOptions {
  train: LabeledSet<ArrayLike<number>>;
  validation: LabeledSet<ArrayLike<number>> | null;
  /** The options as given (callbacks and shorthands). */
  options: FitOptions;
  /** Of both random streams (epoch order, and mixing: see fit-streams.ts) and of the dropout masks. */
  seed: number;
  /** The optimizer's rate before any schedule. */
  learningRate: number;
  checkpointDir: string | null;
  /** What must match for a checkpoint to continue this very run. */
  run: Record<string, unknown>;
}

/** Whether `value` holds examples as fit(x, y) takes them, rather than a LabeledSet. */
function isTensorOrArray(value: unknown): boolean {
  return value instanceof tf.Tensor || ArrayBuffer.isView(value) || Array.isArray(value);
}

/** The validation rows the options give (validation, validationData or validationSplit), and the training rows left. */
async function splitRows(
  model: ManifoldMixupModel,
  data: LabeledSet<ArrayLike<number>>,
  options: FitOptions,
): Promise<{ train: LabeledSet<ArrayLike<number>>; validation: LabeledSet<ArrayLike<number>> | null }> {
  if (options.validationSplit != null) return splitValidation(data, options.validationSplit, 'fit');
  if (options.validation != null) {
    checkLabeledSet(options.validation, model.inputShape, model.numClasses, 'fit: options.validation');
    return { train: data, validation: options.validation };
  }
  if (options.validationData != null) {
    const [x, y] = options.validationData;
    const fields = ['options.validationData[0]', 'options.validationData[1]'] as const;
    return { train: data, validation: await toLabeledSet(x, y, model, 'fit', fields) };
  }
  return { train: data, validation: null };
}

/**
 * fit's arguments checked and normalised: `fit(x, y, options)` as tf.LayersModel.fit takes them
 * (verbose 1 by default), or `fit(set, options)` with a LabeledSet (verbose 0 by default).
 */
export async function planFit(model: ManifoldMixupModel, args: readonly unknown[]): Promise<FitPlan> {
  const tensors = isTensorOrArray(args[0]);
  if (!tensors && args.length > 2)
    throw typeError(
      'fit',
      'x',
      'must be a tf.Tensor or an array when fit is given (x, y, options)',
      describeFound(args[0]),
    );
  const options = (tensors ? args[2] : args[1]) as FitOptions | undefined;
  const checked = checkFitOptions(options, tensors ? 1 : 0);
  const given: FitOptions = options ?? {};
  let data: LabeledSet<ArrayLike<number>>;
  if (tensors) {
    data = await toLabeledSet(args[0] as FitInput, args[1] as FitTargets, model, 'fit', ['x', 'y']);
  } else {
    data = args[0] as LabeledSet<ArrayLike<number>>;
    checkLabeledSet(data, model.inputShape, model.numClasses, 'fit: train');
  }
  const { train, validation } = await splitRows(model, data, given);

  const learningRate = baseLearningRate(model.optimizerOption, checked.learningRate, 'fit');
  const checkpointDir = given.checkpointDir ?? null;
  if (checkpointDir != null && adamConfigOf(model.optimizerOption) == null) {
    const requirement = `must be left out when the model trains with ${optimizerName(model.optimizerOption)} (checkpoints hold Adam's state)`;
    throw rangeError('fit', 'options.checkpointDir', requirement, JSON.stringify(checkpointDir));
  }
  if (checkpointDir != null && checked.initialEpoch !== 0) {
    const requirement = 'must be 0 with checkpointDir (the checkpoint says where the run resumes)';
    throw rangeError('fit', 'options.initialEpoch', requirement, String(checked.initialEpoch));
  }
  const seed = given.seed ?? model.seed;
  const run: Record<string, unknown> = {
    seed,
    batchSize: checked.batchSize,
    learningRate,
    // Absent when constant, as are the settings below at their defaults: a checkpoint written without them matches.
    lrSchedule: checked.lrSchedule ?? undefined,
    n: train.n,
    alpha: model.alpha,
    lambdaMode: model.lambdaMode,
    shuffle: checked.shuffle ? undefined : false,
  };
  return { ...checked, train, validation, options: given, seed, learningRate, checkpointDir, run };
}
