import { numberError, rangeError, typeError } from '@manifold-mixup/errors';
import { found, integerOption, optionsObject, positiveNumberOption } from './option-checks.js';
import type { FitOptions } from './types.js';

// fit's options, checked before anything else runs. A Record over FitOptions' keys, so that a new
// option cannot be added to the type without being accepted here.
const FIT_OPTION_KEYS: Record<keyof FitOptions, true> = {
  epochs: true,
  batchSize: true,
  initialEpoch: true,
  shuffle: true,
  learningRate: true,
  lrSchedule: true,
  validation: true,
  validationData: true,
  validationSplit: true,
  seed: true,
  checkpointDir: true,
  callbacks: true,
  verbose: true,
  yieldEvery: true,
  onBatchEnd: true,
  onEpochEnd: true,
};

/** tf.LayersModel.fit's options that have no meaning here, and why: refused rather than ignored. */
const NOT_SUPPORTED: Record<string, string> = {
  classWeight: 'a mixed row blends two classes, so a weight per class has no single value',
  sampleWeight: 'a mixed row blends two examples, so a weight per example has no single value',
  stepsPerEpoch: 'fit takes tensors or arrays, not a tf.data.Dataset: an epoch is one pass over them',
  validationSteps: 'validation covers every held-out row',
};

/** fit's options with their defaults in place. */
export interface CheckedFitOptions {
  epochs: number;
  batchSize: number;
  initialEpoch: number;
  shuffle: boolean;
  verbose: 0 | 1 | 2;
  /** As given: the default depends on the model's optimizer. */
  learningRate: number | undefined;
  /** null: a constant rate. */
  lrSchedule: { every: number; factor: number } | null;
  yieldEvery: NonNullable<FitOptions['yieldEvery']>;
}

function checkSchedule(value: unknown): { every: number; factor: number } | null {
  if (value === undefined) return null;
  const { every, factor } = optionsObject(value, 'fit', ['every', 'factor'], {
    example: '{ every: 10, factor: 0.1 }',
    required: true,
    prefix: 'lrSchedule',
  });
  const expected = ['fit', 'options.lrSchedule', 'must be {every: positive integer, factor: positive number}'] as const;
  // Two known keys at most (optionsObject refused others): the object itself is short enough to show.
  if (typeof every !== 'number' || typeof factor !== 'number') throw typeError(...expected, JSON.stringify(value));
  if (!Number.isInteger(every) || every < 1 || !(factor > 0)) throw rangeError(...expected, JSON.stringify(value));
  return value as { every: number; factor: number }; // as given: checkpoints compare its JSON
}

function checkYieldEvery(value: unknown): CheckedFitOptions['yieldEvery'] {
  if (value === undefined) return 'auto';
  if (value === 'auto' || value === 'batch' || value === 'epoch' || value === 'never') return value;
  if (typeof value === 'number' && value > 0 && Number.isFinite(value)) return value;
  const requirement = "must be 'auto', 'batch', 'epoch', 'never' or a number of milliseconds";
  throw (typeof value === 'number' ? rangeError : typeError)('fit', 'options.yieldEvery', requirement, found(value));
}

/** At most one source of validation rows. */
function checkValidationSources(options: FitOptions): void {
  const given = (['validation', 'validationData', 'validationSplit'] as const).filter((key) => options[key] != null);
  if (given.length > 1) {
    throw new TypeError(
      `fit: options.${given[0]} and options.${given[1]} both give validation rows; pass one of validation, validationData, validationSplit`,
    );
  }
  const data = options.validationData;
  if (data != null && (!Array.isArray(data) || data.length !== 2))
    throw typeError('fit', 'options.validationData', 'must be an [x, y] pair', found(data));
}

/**
 * The options object of fit (undefined: none), its numbers and the types of its paths and functions,
 * with the defaults: epochs 1 and batchSize 32 (tf.LayersModel.fit's), `verbose` per call shape.
 */
export function checkFitOptions(options: FitOptions | undefined, defaultVerbose: 0 | 1): CheckedFitOptions {
  if (options != null && typeof options === 'object' && !Array.isArray(options)) {
    const refused = Object.keys(options).find((key) => key in NOT_SUPPORTED);
    if (refused != null)
      throw typeError(
        'fit',
        `options.${refused}`,
        `must be left out: ${NOT_SUPPORTED[refused]}`,
        found((options as Record<string, unknown>)[refused]),
      );
  }
  optionsObject(options, 'fit', Object.keys(FIT_OPTION_KEYS), { example: '{ epochs: 10, batchSize: 32 }' });
  const given: FitOptions = options ?? {};
  const epochs = given.epochs === undefined ? 1 : integerOption(given.epochs, 'fit', 'options.epochs', 0);
  const batchSize = given.batchSize === undefined ? 32 : integerOption(given.batchSize, 'fit', 'options.batchSize', 1);
  const initialEpoch =
    given.initialEpoch === undefined ? 0 : integerOption(given.initialEpoch, 'fit', 'options.initialEpoch', 0);
  const learningRate =
    given.learningRate === undefined
      ? undefined
      : positiveNumberOption(given.learningRate, 'fit', 'options.learningRate');
  const verbose = given.verbose ?? defaultVerbose;
  if (verbose !== 0 && verbose !== 1 && verbose !== 2)
    throw numberError('fit', 'options.verbose', 'must be 0, 1 or 2', given.verbose);
  const typed: Array<[keyof FitOptions, string, string]> = [
    ['shuffle', 'boolean', 'a boolean'],
    ['seed', 'number', 'a number'],
    ['checkpointDir', 'string', 'a string (a folder)'],
    ['onBatchEnd', 'function', 'a function'],
    ['onEpochEnd', 'function', 'a function'],
  ];
  for (const [key, type, expected] of typed) {
    const value = given[key];
    if (value != null && typeof value !== type)
      throw typeError('fit', `options.${key}`, `must be ${expected}`, found(value));
  }
  checkValidationSources(given);
  return {
    epochs,
    batchSize,
    initialEpoch,
    shuffle: given.shuffle ?? true,
    verbose,
    learningRate,
    lrSchedule: checkSchedule(given.lrSchedule),
    yieldEvery: checkYieldEvery(given.yieldEvery),
  };
}
