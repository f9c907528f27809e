import * as tf from '@tensorflow/tfjs-core';
import { randomPermutation, sampleBeta, type SeededRandom } from '@manifold-mixup/random';
import { mixingMatrix, mixRows, type MixPlan } from './mixing.js';
import type { ManifoldMixupModel } from './model.js';
import { assertFinite } from './finite-guard.js';
import { foldableL2, type FoldedL2 } from './folded-l2.js';
import { softCrossEntropy } from './output-head.js';

/**
 * Draw where and how much to mix for one batch (k, then lambda(s), then the pairing). alpha 0 means
 * no mixing (as timm and Keras read it): nothing is drawn.
 */
function planMix(model: ManifoldMixupModel, rows: number, rng: SeededRandom): MixPlan | undefined {
  const eligible = model.eligibleLayers;
  if (eligible.length === 0 || model.alpha === 0) return undefined;
  const layer = eligible[Math.floor(rng.next() * eligible.length)];
  const lambda =
    model.lambdaMode === 'batch'
      ? sampleBeta(model.alpha, rng.next)
      : Float32Array.from({ length: rows }, () => sampleBeta(model.alpha, rng.next));
  const permutation = randomPermutation(rows, rng.next);
  return { layer, matrix: tf.tensor2d(mixingMatrix(lambda, permutation), [rows, rows]) };
}

/**
 * The variables a step updates: the trainable weights of layers whose `trainable` is true now.
 * A layer frozen since construction keeps its optimizer state; one that became trainable later
 * has none, so it is refused rather than trained with a silently wrong optimizer.
 */
export function activeVariables(model: ManifoldMixupModel): tf.Variable[] {
  const active = model.trainableVariables;
  const known = new Set(model.optimizableVariables);
  const unknown = active.find((v) => !known.has(v));
  if (unknown != null) {
    throw new Error(
      `fit: ${unknown.name} became trainable after the model was built; build the ManifoldMixupModel with its layer trainable (freezing it later with layer.trainable = false is honoured)`,
    );
  }
  return active;
}

/** Where a step runs, for error messages. */
export interface StepPlace {
  epoch: number;
  step: number;
  steps: number;
}

function placeOf(at: StepPlace, learningRate: number): string {
  return `at epoch ${at.epoch}, step ${at.step} of ${at.steps} (learning rate ${learningRate})`;
}

/** What the guard calls the i-th of [loss, ...weights, ...gradients] of `variables`. */
function stepTensorName(variables: tf.Variable[], i: number): string {
  if (i === 0) return 'the training loss';
  const v = variables[(i - 1) % variables.length];
  return i <= variables.length ? `the weights ${v.name}` : `the gradient of ${v.name}`;
}

/** What one training step works on: the model, the batch, the random stream and the rate. */
export interface StepContext {
  model: ManifoldMixupModel;
  /** The batch's examples, [rows, ...inputShape]. */
  x: tf.Tensor;
  /** Its one-hot targets, [rows, numClasses]. */
  y: tf.Tensor;
  /** The mixing stream: the layer, lambda(s) and pairing are drawn from it (and nothing else is). */
  rng: SeededRandom;
  learningRate: number;
  /** Where the step runs, for error messages. Default: epoch 0, step 0 of 0. */
  at?: StepPlace;
  /** The variables to update (fixed for a fit). Default: activeVariables(model). */
  variables?: tf.Variable[];
  /** The L2 penalties the optimizer folds into its update. Default: those the model's optimizer folds. */
  folded?: FoldedL2 | null;
}

/**
 * One optimisation step; returns [loss, correct] (a tensor the caller disposes): the loss, and how
 * many rows the training-mode predictions got right against the argmax of the (mixed) targets, the
 * accuracy Keras reports for soft targets. Before the update, the weights (as left by the previous
 * one) and the gradients must be finite: on wasm a dense layer with a built-in ReLU turns NaN into
 * 0, so the loss alone can stay finite over NaN weights.
 */
export function trainStep(context: StepContext): tf.Tensor1D {
  const { model, x, y, rng, learningRate, at = { epoch: 0, step: 0, steps: 0 } } = context;
  const optimizer = model.stepOptimizer();
  const variables = context.variables ?? activeVariables(model);
  const folded = context.folded !== undefined ? context.folded : optimizer.foldsL2 ? foldableL2(model) : null;
  return tf.tidy(() => {
    const mix = planMix(model, x.shape[0], rng);
    const targets = mix == null ? y : mixRows(y, mix.matrix);
    // Folded penalties: their values come from outside the tape, their gradients from Adam.
    const untaped = new Map((folded == null ? [] : [...folded.layers]).map((l) => [l, l.calculateLosses()]));
    let correct: tf.Scalar | undefined;
    try {
      const { value, grads } = tf.variableGrads(() => {
        const output = model.forward(x, true, mix);
        // Kept past the gradient scope (disposed below); no gradient flows through it.
        const hits = tf.equal(tf.argMax(output, -1), tf.argMax(targets, -1));
        correct = tf.keep(tf.sum(tf.cast(hits, 'float32'))) as tf.Scalar;
        return softLoss(model, output, targets, untaped);
      }, variables);
      assertFinite(
        [value, ...variables, ...variables.map((v) => grads[v.name])],
        (i) => stepTensorName(variables, i),
        () => placeOf(at, learningRate),
      );
      optimizer.apply(
        model.optimizableVariables.map((v) => grads[v.name] ?? null),
        learningRate,
        folded?.coefficients,
      );
      return tf.stack([value, correct as tf.Scalar]) as tf.Tensor1D;
    } finally {
      correct?.dispose();
    }
  });
}

/**
 * Cross-entropy against the (mixed) soft targets plus every layer's regularization losses
 * (e.g. `kernelRegularizer: tf.regularizers.l2(...)`), summed as tf.LayersModel.fit does;
 * `untaped` holds the losses of layers computed before (outside the gradient tape).
 */
function softLoss(
  model: ManifoldMixupModel,
  output: tf.Tensor,
  targets: tf.Tensor,
  untaped: ReadonlyMap<unknown, tf.Scalar[]>,
): tf.Scalar {
  const loss = softCrossEntropy(output, targets, model.logitsSource);
  const regularization = model.layers.flatMap((layer) => untaped.get(layer) ?? layer.calculateLosses());
  return regularization.length === 0 ? loss : tf.addN([loss, ...regularization]);
}

/** The learning rate of a 0-based epoch under step decay (null: constant). */
export function learningRateAt(
  epoch: number,
  base: number,
  schedule: { every: number; factor: number } | null,
): number {
  return schedule == null ? base : base * schedule.factor ** Math.floor(epoch / schedule.every);
}
