import { rangeError, typeError } from '@manifold-mixup/errors';
import { found, integerOption, optionsObject, positiveNumberOption } from './option-checks.js';
import type { FitOptions } from './types.js';

// fit's options, checked before anything else runs. A Record over FitOptions' keys, so that a new
// option cannot be added to the type without being accepted here.
const FIT_OPTION_KEYS: Record<keyof FitOptions, true> = {
  epochs: true,
  batchSize: true,
  learningRate: true,
  lrSchedule: true,
  validation: true,
  seed: true,
  checkpointDir: true,
  onBatchEnd: true,
  onEpochEnd: true,
  callbacks: true,
  verbose: true,
};
const DEFAULT_SCHEDULE = { every: 10, factor: 0.1 };

function checkSchedule(value: unknown): { every: number; factor: number } {
  if (value === undefined) return DEFAULT_SCHEDULE;
  const { every, factor } = optionsObject(value, 'fit', Object.keys(DEFAULT_SCHEDULE), {
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

/** The options object of fit, its numbers and the types of its paths and functions; the defaulted rates. */
export function checkFitOptions(options: FitOptions): Required<Pick<FitOptions, 'learningRate' | 'lrSchedule'>> {
  optionsObject(options, 'fit', Object.keys(FIT_OPTION_KEYS), {
    example: '{ epochs: 10, batchSize: 32 }',
    required: true,
  });
  integerOption(options.epochs, 'fit', 'options.epochs', 0);
  integerOption(options.batchSize, 'fit', 'options.batchSize', 1);
  const learningRate = positiveNumberOption(options.learningRate ?? 1e-3, 'fit', 'options.learningRate');
  const lrSchedule = checkSchedule(options.lrSchedule);
  const typed: Array<[keyof FitOptions, string, string]> = [
    ['seed', 'number', 'a number'],
    ['checkpointDir', 'string', 'a string (a folder)'],
    ['onBatchEnd', 'function', 'a function'],
    ['onEpochEnd', 'function', 'a function'],
  ];
  for (const [key, type, expected] of typed) {
    const value = options[key];
    if (value != null && typeof value !== type)
      throw typeError('fit', `options.${key}`, `must be ${expected}`, found(value));
  }
  return { learningRate, lrSchedule };
}
