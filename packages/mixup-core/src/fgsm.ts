import * as tf from '@tensorflow/tfjs-core';
import { checkLabeledSet, featureSize } from './batches.js';
import type { ManifoldMixupModel } from './model.js';
import { countCorrect, forEachLabeledBatch, perturb } from './attack-batches.js';
import { inputGradient } from './attack-objective.js';
import type { LabeledSet } from '@manifold-mixup/types';

export interface FgsmOptions {
  /** Attack strengths ε (each finite, >= 0), in the units of the inputs. */
  epsilons: readonly number[];
  /** The data range perturbed inputs are clipped to, e.g. [0, 1] for MNIST pixels; null: no clipping. */
  clip: readonly [number, number] | null;
  /** Rows per gradient computation; default 500. */
  batchSize?: number;
}

export interface FgsmPoint {
  epsilon: number;
  /** Share of the examples classified correctly after the attack. */
  accuracy: number;
  n: number;
}

function checkFgsmOptions(options: FgsmOptions, what: string): number {
  if (options == null || !Array.isArray(options.epsilons) || options.epsilons.length === 0)
    throw new Error(`${what}: options.epsilons must be a non-empty array of numbers >= 0`);
  options.epsilons.forEach((e, i) => {
    if (typeof e !== 'number' || !Number.isFinite(e) || e < 0)
      throw new Error(`${what}: options.epsilons[${i}] must be a finite number >= 0, found ${e}`);
  });
  const clip = options.clip;
  if (clip !== null) {
    if (!Array.isArray(clip) || clip.length !== 2 || !clip.every(Number.isFinite) || !(clip[0] < clip[1]))
      throw new Error(
        `${what}: options.clip must be [min, max] with min < max, or null; found ${JSON.stringify(clip)}`,
      );
  }
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error(`${what}: options.batchSize must be a positive integer, found ${batchSize}`);
  return batchSize;
}

/**
 * sign(∇ₓ loss) for one batch: the direction of the fast gradient sign method (Goodfellow et al.
 * 2015), computed with the model in inference mode (no mixing, no dropout).
 */
function gradientSign(model: ManifoldMixupModel, x: tf.Tensor, oneHot: tf.Tensor): tf.Tensor {
  return tf.sign(inputGradient(model, x, oneHot, 'cross-entropy'));
}

/** Walks the data batch by batch, handing each batch's inputs, one-hot labels and gradient sign to `use`. */
function forEachAttackBatch(
  model: ManifoldMixupModel,
  data: LabeledSet<ArrayLike<number>>,
  batchSize: number,
  use: (x: tf.Tensor, sign: tf.Tensor, start: number) => void,
): void {
  forEachLabeledBatch(model, data, batchSize, (x, oneHot, start) => use(x, gradientSign(model, x, oneHot), start));
}

/** The FGSM examples x + ε·sign(∇ₓ loss), clipped to `clip`, as n * features values (row-major). */
export function fgsmExamples(
  model: ManifoldMixupModel,
  data: LabeledSet<ArrayLike<number>>,
  epsilon: number,
  options: Omit<FgsmOptions, 'epsilons'>,
): Float32Array {
  const batchSize = checkFgsmOptions({ ...options, epsilons: [epsilon] }, 'fgsmExamples');
  checkLabeledSet(data, model.inputShape, model.numClasses, 'fgsmExamples: data');
  const size = featureSize(model.inputShape);
  const out = new Float32Array(data.n * size);
  forEachAttackBatch(model, data, batchSize, (x, sign, start) => {
    out.set(perturb(x, sign, epsilon, options.clip).dataSync() as Float32Array, start * size);
  });
  return out;
}

/**
 * Accuracy under FGSM at every ε: each example is perturbed by ε·sign(∇ₓ loss) (the gradient of its
 * own cross-entropy at its true label, taken once per example), clipped, and classified again.
 * ε = 0 gives the clean accuracy.
 */
export function fgsmAccuracy(
  model: ManifoldMixupModel,
  data: LabeledSet<ArrayLike<number>>,
  options: FgsmOptions,
): FgsmPoint[] {
  const batchSize = checkFgsmOptions(options, 'fgsmAccuracy');
  checkLabeledSet(data, model.inputShape, model.numClasses, 'fgsmAccuracy: data');
  const correct = new Array<number>(options.epsilons.length).fill(0);
  forEachAttackBatch(model, data, batchSize, (x, sign, start) => {
    options.epsilons.forEach((epsilon, e) => {
      correct[e] += countCorrect(model, perturb(x, sign, epsilon, options.clip), data, start);
    });
  });
  return options.epsilons.map((epsilon, e) => ({ epsilon, accuracy: correct[e] / data.n, n: data.n }));
}
