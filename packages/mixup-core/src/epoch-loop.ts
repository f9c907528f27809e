// fit's epoch loop, once planFit has checked and normalised its arguments: shuffle, train batch by
// batch through trainStep, validate, checkpoint, and tell the callbacks, as tf.LayersModel.fit does.
import * as tf from '@tensorflow/tfjs-core';
import { randomPermutation, type SeededRandom } from '@manifold-mixup/random';
import { BatchBuffer } from './batches.js';
import { assertFinite } from './finite-guard.js';
import { fitCallbacks } from './fit-callbacks.js';
import { FitStreams } from './fit-streams.js';
import type { FitPlan } from './fit-plan.js';
import { foldableL2 } from './folded-l2.js';
import { evaluateRows } from './inference.js';
import { readTrainingState, saveModel, type TrainingState } from './model-io.js';
import type { ManifoldMixupModel } from './model.js';
import { stepSeed, withSeededMathRandom } from './seeded-math-random.js';
import { TfjsOptimizerStep } from './step-optimizer.js';
import { activeVariables, learningRateAt, trainStep } from './training.js';
import type { EpochRecord, FitHistory, FitLogs } from './types.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

/** Throws when a layer's `trainable` changed since the fit started: the variables of a fit are fixed. */
function checkTrainable(model: ManifoldMixupModel, trainable: readonly boolean[], epoch: number, step: number): void {
  const changed = model.layers.findIndex((layer, i) => layer.trainable !== trainable[i]);
  if (changed >= 0) {
    throw new Error(
      `fit: layers[${changed}] (${model.layers[changed].name}).trainable changed during fit (before epoch ${epoch}, step ${step}); change it between fits`,
    );
  }
}

/** The rows of one epoch in training order: a fresh permutation from the order stream, or as given. */
function epochOrder(n: number, shuffle: boolean, rng: SeededRandom): ArrayLike<number> {
  return shuffle ? randomPermutation(n, rng.next) : Int32Array.from({ length: n }, (_, i) => i);
}

/** Train `model` as `plan` says; resolves to tfjs' History of this call, with every epoch's record beside it. */
export async function runEpochs(model: ManifoldMixupModel, plan: FitPlan): Promise<FitHistory> {
  const { train, validation, batchSize, seed } = plan;
  const trainable = model.layers.map((layer) => layer.trainable);
  // Fixed for the whole fit: a trainable change during it is refused before every step below.
  const variables = activeVariables(model);
  const optimizer = model.stepOptimizer();
  // So are the layers' regularizers, hence the L2 penalties Adam takes over.
  const folded = optimizer.foldsL2 ? foldableL2(model) : null;

  const streams = new FitStreams(seed);
  const records: EpochRecord[] = [];
  let startEpoch = plan.initialEpoch;
  if (plan.checkpointDir != null) {
    const state = await readTrainingState(model, plan.checkpointDir, plan.run, plan.epochs);
    if (state != null) {
      streams.restore(state.rngStates);
      records.push(...state.epochs);
      startEpoch = state.epochs.length;
    }
  }
  const resumedEpochs = startEpoch - plan.initialEpoch;

  const steps = Math.ceil(train.n / batchSize);
  const { list: callbacks, history } = fitCallbacks({
    options: plan.options,
    yieldEvery: plan.yieldEvery,
    verbose: plan.verbose,
    params: {
      epochs: plan.epochs,
      initialEpoch: plan.initialEpoch,
      samples: train.n,
      steps,
      batchSize,
      doValidation: validation != null,
    },
    records,
    model,
    net: model.wrapped,
  });
  const batch = new BatchBuffer(batchSize, model.inputShape, model.numClasses);
  let lastYield = performance.now();
  let lastLogs: FitLogs = {};
  model.stopTraining = false;
  try {
    await callbacks.onTrainBegin({});
    for (let epoch = startEpoch; epoch < plan.epochs && !model.stopTraining; epoch++) {
      const started = performance.now();
      const rate = learningRateAt(epoch, plan.learningRate, plan.lrSchedule);
      const order = epochOrder(train.n, plan.shuffle, streams.order);
      let lossSum = 0;
      let correct = 0;
      let rowsSeen = 0;
      await callbacks.onEpochBegin(epoch, {});
      for (let step = 0; step < steps && !model.stopTraining; step++) {
        const at = { epoch: epoch + 1, step: step + 1, steps };
        checkTrainable(model, trainable, at.epoch, at.step);
        const start = step * batchSize;
        const rows = Math.min(batchSize, train.n - start);
        await callbacks.onBatchBegin(step, { batch: step, size: rows });
        const { x, y } = batch.fill(train, order, start, rows);
        // trainStep refuses a non-finite loss before its update: what is read here is finite.
        let values: Float32Array;
        try {
          // Dropout masks come from Math.random (see seeded-math-random.ts).
          const result = withSeededMathRandom(stepSeed(seed, epoch, step), () =>
            trainStep({ model, x, y, rng: streams.mixing, learningRate: rate, at, variables, folded }),
          );
          values = result.dataSync() as Float32Array;
          result.dispose();
        } finally {
          x.dispose();
          y.dispose();
        }
        const [loss, hits] = values;
        lossSum += loss * rows;
        correct += hits;
        rowsSeen += rows;
        await callbacks.onBatchEnd(step, { batch: step, size: rows, loss, acc: hits / rows });
        if (performance.now() - lastYield > 100) {
          await yieldToEventLoop();
          lastYield = performance.now();
        }
      }
      // Stopped inside the epoch: recorded as tfjs does (over the batches run), not validated or checkpointed.
      const partial = rowsSeen < train.n;
      if (rowsSeen === 0) break;
      const record: EpochRecord = { epoch: epoch + 1, loss: lossSum / rowsSeen, learningRate: rate, seconds: 0 };
      const logs: FitLogs = { loss: record.loss, acc: correct / rowsSeen };
      if (partial) record.partial = true;
      else {
        // The last update of the epoch is checked here, before a checkpoint can hold its result.
        assertFinite(
          variables,
          (i) => `the weights ${variables[i].name}`,
          () => `after the last step of epoch ${epoch + 1}`,
        );
        if (validation != null) {
          const metrics = evaluateRows(model, validation, Math.max(batchSize, 1000));
          record.valLoss = logs.val_loss = metrics.nll;
          record.valAccuracy = logs.val_acc = metrics.accuracy;
        }
      }
      record.seconds = (performance.now() - started) / 1000;
      records.push(record);
      if (plan.checkpointDir != null && !partial) {
        const state: TrainingState = { run: plan.run, rngStates: streams.states, epochs: records };
        await saveModel(model, plan.checkpointDir, state);
      }
      lastLogs = logs;
      await callbacks.onEpochEnd(epoch, logs);
    }
    await callbacks.onTrainEnd(lastLogs);
  } finally {
    if (optimizer instanceof TfjsOptimizerStep) optimizer.restoreRate();
  }
  return Object.assign(history as FitHistory, {
    epochs: records,
    backend: tf.getBackend(),
    ...(resumedEpochs > 0 ? { resumedEpochs } : {}),
  });
}
