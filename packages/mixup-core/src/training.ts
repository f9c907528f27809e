import { numberError } from '@manifold-mixup/errors';
import * as tf from '@tensorflow/tfjs-core';
import { randomPermutation, sampleBeta, SeededRandom } from '@manifold-mixup/random';
import type { LabeledSet } from '@manifold-mixup/types';
import { BatchBuffer, checkLabeledSet } from './batches.js';
import { readTrainingState, saveModel, type TrainingState } from './model-io.js';
import { mixingMatrix, mixRows, type MixPlan } from './mixing.js';
import type { ManifoldMixupModel } from './model.js';
import { epochLine, epochLogs, FitCallbackList } from './fit-callbacks.js';
import { checkFitOptions } from './fit-options.js';
import { assertFinite } from './finite-guard.js';
import { foldableL2, type FoldedL2 } from './folded-l2.js';
import { softCrossEntropy } from './output-head.js';
import { stepSeed, withSeededMathRandom } from './seeded-math-random.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';
import type { EpochRecord, FitOptions, TrainingHistory } from './types.js';

/** Draw where and how much to mix for one batch (k, then lambda(s), then the pairing). */
function planMix(model: ManifoldMixupModel, rows: number, rng: SeededRandom): MixPlan | undefined {
  const eligible = model.eligibleLayers;
  if (eligible.length === 0) return undefined;
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

/**
 * One optimisation step; returns the loss (a scalar the caller disposes). Before the update,
 * the weights (as left by the previous one) and the gradients must be finite: on wasm a dense
 * layer with a built-in ReLU turns NaN into 0, so the loss alone can stay finite over NaN weights.
 */
export function trainStep(
  model: ManifoldMixupModel,
  x: tf.Tensor,
  y: tf.Tensor,
  rng: SeededRandom,
  learningRate: number,
  at: StepPlace = { epoch: 0, step: 0, steps: 0 },
  variables: tf.Variable[] = activeVariables(model),
  folded: FoldedL2 | null = model.adam().foldsL2 ? foldableL2(model) : null,
): tf.Scalar {
  return tf.tidy(() => {
    const mix = planMix(model, x.shape[0], rng);
    const targets = mix == null ? y : mixRows(y, mix.matrix);
    // Folded penalties: their values come from outside the tape, their gradients from Adam.
    const untaped = new Map((folded == null ? [] : [...folded.layers]).map((l) => [l, l.calculateLosses()]));
    const { value, grads } = tf.variableGrads(
      () => softLoss(model, model.forward(x, true, mix), targets, untaped),
      variables,
    );
    assertFinite(
      [value, ...variables, ...variables.map((v) => grads[v.name])],
      (i) => stepTensorName(variables, i),
      () => placeOf(at, learningRate),
    );
    model.adam().apply(
      model.optimizableVariables.map((v) => grads[v.name] ?? null),
      learningRate,
      folded?.coefficients,
    );
    return value;
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

/** The learning rate of a 0-based epoch under step decay. */
export function learningRateAt(epoch: number, base: number, schedule: { every: number; factor: number }): number {
  return base * schedule.factor ** Math.floor(epoch / schedule.every);
}

export async function fitModel(
  model: ManifoldMixupModel,
  train: LabeledSet<ArrayLike<number>>,
  options: FitOptions,
): Promise<TrainingHistory> {
  const { learningRate, lrSchedule } = checkFitOptions(options);
  checkLabeledSet(train, model.inputShape, model.numClasses, 'fit: train');
  if (options.validation != null)
    checkLabeledSet(options.validation, model.inputShape, model.numClasses, 'fit: options.validation');
  const seed = options.seed ?? model.seed;
  // What must match for a checkpoint to continue this very run.
  const run = {
    seed,
    batchSize: options.batchSize,
    learningRate,
    lrSchedule,
    n: train.n,
    alpha: model.alpha,
    lambdaMode: model.lambdaMode,
  };

  const callbacks = new FitCallbackList(options);
  const verbose = options.verbose ?? 0;
  if (verbose !== 0 && verbose !== 1 && verbose !== 2)
    throw numberError('fit', 'options.verbose', 'must be 0, 1 or 2', options.verbose);
  const trainable = model.layers.map((layer) => layer.trainable);
  // Fixed for the whole fit: a trainable change during it is refused before every step below.
  const variables = activeVariables(model);
  // So are the layers' regularizers, hence the L2 penalties Adam takes over.
  const folded = model.adam().foldsL2 ? foldableL2(model) : null;

  const rng = new SeededRandom(seed);
  const epochs: EpochRecord[] = [];
  let startEpoch = 0;
  if (options.checkpointDir != null) {
    const state = await readTrainingState(model, options.checkpointDir, run, options.epochs);
    if (state != null) {
      rng.state = state.rngState;
      epochs.push(...state.epochs);
      startEpoch = state.epochs.length;
    }
  }
  const resumedEpochs = startEpoch;

  const batch = new BatchBuffer(options.batchSize, model.inputShape, model.numClasses);
  const steps = Math.ceil(train.n / options.batchSize);
  let lastYield = performance.now();
  model.stopTraining = false;
  await callbacks.call('onTrainBegin', {});
  for (let epoch = startEpoch; epoch < options.epochs && !model.stopTraining; epoch++) {
    const started = performance.now();
    const rate = learningRateAt(epoch, learningRate, lrSchedule);
    const order = randomPermutation(train.n, rng.next);
    let lossSum = 0;
    let rowsSeen = 0;
    await callbacks.call('onEpochBegin', epoch, {});
    for (let step = 0; step < steps && !model.stopTraining; step++) {
      const at = { epoch: epoch + 1, step: step + 1, steps };
      const changed = model.layers.findIndex((layer, i) => layer.trainable !== trainable[i]);
      if (changed >= 0) {
        throw new Error(
          `fit: layers[${changed}] (${model.layers[changed].name}).trainable changed during fit (before epoch ${at.epoch}, step ${at.step}); change it between fits`,
        );
      }
      const start = step * options.batchSize;
      const rows = Math.min(options.batchSize, train.n - start);
      if (!callbacks.empty) await callbacks.call('onBatchBegin', step, { batch: step, size: rows });
      const { x, y } = batch.fill(train, order, start, rows);
      // trainStep refuses a non-finite loss before its update: what is read here is finite.
      let loss: number;
      try {
        // Dropout masks come from Math.random (see seeded-math-random.ts).
        const value = withSeededMathRandom(stepSeed(seed, epoch, step), () =>
          trainStep(model, x, y, rng, rate, at, variables, folded),
        );
        loss = value.dataSync()[0];
        value.dispose();
      } finally {
        x.dispose();
        y.dispose();
      }
      lossSum += loss * rows;
      rowsSeen += rows;
      options.onBatchEnd?.({ epoch: epoch + 1, step: step + 1, steps, loss });
      if (!callbacks.empty) await callbacks.call('onBatchEnd', step, { batch: step, size: rows, loss });
      if (performance.now() - lastYield > 100) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
    }
    if (rowsSeen < train.n) break; // stopped inside the epoch: it is neither recorded nor checkpointed
    // The last update of the epoch is checked here, before a checkpoint can hold its result.
    assertFinite(
      variables,
      (i) => `the weights ${variables[i].name}`,
      () => `after the last step of epoch ${epoch + 1}`,
    );
    const record: EpochRecord = { epoch: epoch + 1, loss: lossSum / train.n, learningRate: rate, seconds: 0 };
    if (options.validation != null) {
      const metrics = await model.evaluate(options.validation, { batchSize: Math.max(options.batchSize, 1000) });
      record.valLoss = metrics.nll;
      record.valAccuracy = metrics.accuracy;
    }
    record.seconds = (performance.now() - started) / 1000;
    epochs.push(record);
    if (options.checkpointDir != null) {
      const state: TrainingState = { run, rngState: rng.state, epochs };
      await saveModel(model, options.checkpointDir, state);
    }
    options.onEpochEnd?.(record);
    if (verbose > 0) console.log(epochLine(record, options.epochs));
    await callbacks.call('onEpochEnd', epoch, epochLogs(record));
  }
  await callbacks.call('onTrainEnd', epochs.length > 0 ? epochLogs(epochs[epochs.length - 1]) : {});
  const history: TrainingHistory = { epochs, backend: tf.getBackend() };
  if (resumedEpochs > 0) history.resumedEpochs = resumedEpochs;
  return history;
}
