import * as tf from '@tensorflow/tfjs-core';
import { randomPermutation, sampleBeta, SeededRandom } from '@manifold-mixup/random';
import type { LabeledSet } from '@manifold-mixup/types';
import { BatchBuffer, checkLabeledSet } from './batches.js';
import { readTrainingState, saveModel, type TrainingState } from './model-io.js';
import { mixingMatrix, mixRows, type MixPlan } from './mixing.js';
import type { ManifoldMixupModel } from './model.js';
import { softCrossEntropy } from './output-head.js';
import { stepSeed, withSeededMathRandom } from './seeded-math-random.js';
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

/** One optimisation step; returns the loss (a scalar the caller disposes). */
export function trainStep(
  model: ManifoldMixupModel,
  x: tf.Tensor,
  y: tf.Tensor,
  rng: SeededRandom,
  learningRate: number,
): tf.Scalar {
  return tf.tidy(() => {
    const mix = planMix(model, x.shape[0], rng);
    const targets = mix == null ? y : mixRows(y, mix.matrix);
    const { value, grads } = tf.variableGrads(
      () => softLoss(model, model.forward(x, true, mix), targets),
      model.trainableVariables,
    );
    model.adam().apply(
      model.trainableVariables.map((v) => grads[v.name]),
      learningRate,
    );
    return value;
  });
}

/**
 * Cross-entropy against the (mixed) soft targets plus every layer's regularization losses
 * (e.g. `kernelRegularizer: tf.regularizers.l2(...)`), summed as tf.LayersModel.fit does.
 */
function softLoss(model: ManifoldMixupModel, output: tf.Tensor, targets: tf.Tensor): tf.Scalar {
  const loss = softCrossEntropy(output, targets, model.logitsSource);
  const regularization = model.layers.flatMap((layer) => layer.calculateLosses());
  return regularization.length === 0 ? loss : tf.addN([loss, ...regularization]);
}

function checkFitOptions(options: FitOptions): Required<Pick<FitOptions, 'learningRate' | 'lrSchedule'>> {
  if (!Number.isInteger(options.epochs) || options.epochs < 0)
    throw new Error(`fit: options.epochs must be a non-negative integer, found ${options.epochs}`);
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1)
    throw new Error(`fit: options.batchSize must be a positive integer, found ${options.batchSize}`);
  const learningRate = options.learningRate ?? 1e-3;
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new Error(`fit: options.learningRate must be a finite positive number, found ${learningRate}`);
  }
  const lrSchedule = options.lrSchedule ?? { every: 10, factor: 0.1 };
  if (!Number.isInteger(lrSchedule.every) || lrSchedule.every < 1 || !(lrSchedule.factor > 0)) {
    throw new Error(
      `fit: options.lrSchedule must be {every: positive integer, factor: positive number}, found ${JSON.stringify(lrSchedule)}`,
    );
  }
  return { learningRate, lrSchedule };
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

  const rng = new SeededRandom(seed);
  const epochs: EpochRecord[] = [];
  let startEpoch = 0;
  if (options.checkpointDir != null) {
    const state = await readTrainingState(model, options.checkpointDir, run);
    if (state != null) {
      if (state.epochs.length > options.epochs) {
        throw new Error(
          `fit: the checkpoint in ${options.checkpointDir} is at epoch ${state.epochs.length}, past the ${options.epochs} epochs asked for`,
        );
      }
      rng.state = state.rngState;
      epochs.push(...state.epochs);
      startEpoch = state.epochs.length;
    }
  }
  const resumedEpochs = startEpoch;

  const batch = new BatchBuffer(options.batchSize, model.inputShape, model.numClasses);
  const steps = Math.ceil(train.n / options.batchSize);
  let lastYield = performance.now();
  for (let epoch = startEpoch; epoch < options.epochs; epoch++) {
    const started = performance.now();
    const rate = learningRateAt(epoch, learningRate, lrSchedule);
    const order = randomPermutation(train.n, rng.next);
    let lossSum = 0;
    for (let step = 0; step < steps; step++) {
      const start = step * options.batchSize;
      const rows = Math.min(options.batchSize, train.n - start);
      const { x, y } = batch.fill(train, order, start, rows);
      let loss: number;
      try {
        // Dropout masks come from Math.random (see seeded-math-random.ts).
        const value = withSeededMathRandom(stepSeed(seed, epoch, step), () => trainStep(model, x, y, rng, rate));
        loss = value.dataSync()[0];
        value.dispose();
      } finally {
        x.dispose();
        y.dispose();
      }
      if (!Number.isFinite(loss)) {
        throw new Error(
          `fit: the training loss became ${loss} at epoch ${epoch + 1}, step ${step + 1} of ${steps} (learning rate ${rate})`,
        );
      }
      lossSum += loss * rows;
      options.onBatchEnd?.({ epoch: epoch + 1, step: step + 1, steps, loss });
      // Let timers, signals and I/O run now and then: wasm and cpu compute synchronously.
      if (performance.now() - lastYield > 100) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
    }
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
  }
  const history: TrainingHistory = { epochs, backend: tf.getBackend() };
  if (resumedEpochs > 0) history.resumedEpochs = resumedEpochs;
  return history;
}
