import type { DenseSpec, Mixing, ModelJob } from '../model-job.js';
import type { RunContext } from './experiment.js';

/** The slope of every hidden layer's LeakyReLU, as the seed. */
const LEAKY_RELU_ALPHA = 0.3;

/** The seed's learning-rate schedule: x0.1 every 10 epochs (after epochs 10 and 20 of 24). */
export const SEED_SCHEDULE = { every: 10, factor: 0.1 };

/** A model of an experiment: how it mixes, or which classic regulariser it uses instead. */
export type Variant = 'baseline' | 'input-mixup' | 'manifold-mixup' | 'weight-decay' | 'dropout';

export const VARIANTS: Readonly<Record<Variant, { model: Variant; label: string; mixing: Mixing }>> = {
  baseline: { model: 'baseline', label: 'baseline', mixing: 'none' },
  'input-mixup': { model: 'input-mixup', label: 'input mixup', mixing: 'input' },
  'manifold-mixup': { model: 'manifold-mixup', label: 'manifold mixup', mixing: 'manifold' },
  'weight-decay': { model: 'weight-decay', label: 'weight decay', mixing: 'none' },
  dropout: { model: 'dropout', label: 'dropout', mixing: 'none' },
};

export function hidden(units: number, eligible = false): DenseSpec {
  return { units, activation: 'leakyRelu', eligible };
}

export function output(units: number, eligible = false): DenseSpec {
  return { units, activation: 'softmax', eligible };
}

/** What a model adds to its run and variant. */
export type ModelParts = Pick<ModelJob, 'data' | 'inputSize' | 'layers' | 'alpha' | 'training' | 'outputs'>;

/**
 * One model of an experiment. The fields keep the order of the results files' `config` (the cache key
 * hashes them sorted, but results/*.json lists them as built).
 */
export function modelJob(run: RunContext, variant: Variant, parts: ModelParts): ModelJob {
  const { experiment, seed, backend, code } = run;
  return {
    experiment,
    leakyReluAlpha: LEAKY_RELU_ALPHA,
    lambdaMode: 'batch',
    seed,
    backend,
    code,
    ...VARIANTS[variant],
    ...parts,
  };
}
