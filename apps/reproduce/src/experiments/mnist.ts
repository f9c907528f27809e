import type { DataSpec, MnistSettings, TrainingSettings } from '../model-job.js';
import type { ProfileName } from '../profiles.js';
import { SEED_SCHEDULE } from './model-parts.js';

/** A flattened 28 x 28 image. */
export const MNIST_PIXELS = 784;

export const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The seed's data: every training image but the last 10,000 (validation), the whole test set. */
export const FULL_MNIST: MnistSettings = {
  validationHoldOut: 10_000,
  trainPerClass: null,
  validationLimit: null,
  testLimit: null,
};

/** The quick profile's subset: 100 training images per digit, 500 validation and 1,000 test images. */
export const QUICK_MNIST: MnistSettings = {
  validationHoldOut: 10_000,
  trainPerClass: 100,
  validationLimit: 500,
  testLimit: 1000,
};

export function mnistData(settings: MnistSettings, seed: number): DataSpec {
  return { kind: 'mnist', seed, ...settings };
}

/**
 * How both bottleneck experiments train in each profile: the seed's batch size and Adam, 24 epochs
 * (paper), 6 with the step decay compressed in proportion (default), 3 (quick).
 */
export const MNIST_TRAINING: Readonly<Record<ProfileName, TrainingSettings>> = {
  quick: { epochs: 3, batchSize: 100, learningRate: 1e-3, lrSchedule: SEED_SCHEDULE },
  default: { epochs: 6, batchSize: 100, learningRate: 1e-3, lrSchedule: { every: 3, factor: 0.1 } },
  paper: { epochs: 24, batchSize: 100, learningRate: 1e-3, lrSchedule: SEED_SCHEDULE },
};
