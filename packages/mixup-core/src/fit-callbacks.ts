// fit's callbacks, in tf.LayersModel.fit's one shape (0-based epochs and batches, Keras logs), run by
// tfjs' own CallbackList and recorded by tfjs' own History. The user's come as tfjs gives them
// (tf.callbacks.earlyStopping(), tf.CustomCallback, objects of hooks such as tfjs-vis' fitCallbacks);
// the options' shorthands (onBatchEnd, onEpochEnd) and the verbose lines are callbacks of the same
// list, after them.
import { typeError } from '@manifold-mixup/errors';
import { CallbackList, CustomCallback, History, LayersModel } from '@tensorflow/tfjs-layers';
import { found } from './option-checks.js';
import type { EpochRecord, FitCallbacks, FitLogs, FitOptions } from './types.js';

type Listed = ConstructorParameters<typeof CallbackList>[0] extends (infer T)[] | undefined ? T : never;

const HOOKS = ['onTrainBegin', 'onTrainEnd', 'onEpochBegin', 'onEpochEnd', 'onBatchBegin', 'onBatchEnd', 'onYield'];
// CustomCallbackArgs' clock and frame functions (tfjs' test seams), accepted as tfjs accepts them.
const SEAMS = ['nowFunc', 'nextFrameFunc'];

/** A tfjs callback instance (a BaseCallback: tf.Callback, tf.CustomCallback, History, ...), duck-typed. */
function isCallbackInstance(value: object): value is Listed {
  const callback = value as { setParams?: unknown; setModel?: unknown };
  return typeof callback.setParams === 'function' && typeof callback.setModel === 'function';
}

/** The user's callbacks as tfjs callback instances: objects of hooks become tf.CustomCallbacks, as tfjs does. */
function standardize(given: FitOptions['callbacks'], yieldEvery: FitOptions['yieldEvery']): Listed[] {
  const list: unknown[] = given == null ? [] : Array.isArray(given) ? given : [given];
  return list.map((callback, i) => {
    const field = Array.isArray(given) ? `options.callbacks[${i}]` : 'options.callbacks';
    if (callback == null || typeof callback !== 'object') {
      const requirement =
        'must be a tf callback (tf.callbacks.earlyStopping(), a tf.CustomCallback) or an object of hooks';
      throw typeError('fit', field, requirement, found(callback));
    }
    if (isCallbackInstance(callback)) return callback;
    for (const [name, value] of Object.entries(callback)) {
      if (!HOOKS.includes(name) && !SEAMS.includes(name))
        throw new TypeError(`fit: unknown callback "${field}.${name}" (valid callbacks: ${HOOKS.join(', ')})`);
      if (typeof value !== 'function') throw typeError('fit', `${field}.${name}`, 'must be a function', found(value));
    }
    return new CustomCallback(callback as FitCallbacks, yieldEvery);
  });
}

/** One line per epoch, like tf.LayersModel.fit with verbose 2. */
export function epochLine(record: EpochRecord, logs: FitLogs, epochs: number): string {
  const parts = [`Epoch ${record.epoch} / ${epochs}`, `${record.seconds.toFixed(1)}s`];
  for (const key of ['loss', 'acc', 'val_loss', 'val_acc']) {
    if (logs[key] != null) parts.push(`${key}=${logs[key].toFixed(4)}`);
  }
  return parts.join(' - ');
}

/** The stand-in callbacks get as `this.model` (tf.Callback insists on a tf.LayersModel). */
function callbackModel(model: { stopTraining: boolean }, net: LayersModel | null): LayersModel {
  // The wrapped net when there is one (its layers are the model's), else a bare tf.LayersModel; either
  // way, `stopTraining` (what tf.callbacks.earlyStopping sets) is the ManifoldMixupModel's.
  return Object.create(net ?? LayersModel.prototype, {
    stopTraining: {
      get: () => model.stopTraining,
      set: (stop: boolean) => {
        model.stopTraining = stop;
      },
    },
  }) as LayersModel;
}

export interface FitCallbackSetup {
  options: FitOptions;
  yieldEvery: FitOptions['yieldEvery'];
  verbose: 0 | 1 | 2;
  /** tf.LayersModel.fit's params: epochs, initialEpoch, samples, steps, batchSize, verbose, doValidation, metrics. */
  params: {
    epochs: number;
    initialEpoch: number;
    samples: number;
    steps: number;
    batchSize: number;
    doValidation: boolean;
  };
  /** The run's records, the one of the epoch that ends last. */
  records: readonly EpochRecord[];
  model: { stopTraining: boolean };
  net: LayersModel | null;
}

/** The callback list of one fit, and the History it fills. */
export function fitCallbacks(setup: FitCallbackSetup): { list: CallbackList; history: History } {
  const { options, records, params } = setup;
  const own: FitCallbacks = {};
  let epochNow = 0;
  const latest = (): EpochRecord => records[records.length - 1];
  if (options.onBatchEnd != null) {
    const onBatchEnd = options.onBatchEnd;
    own.onEpochBegin = (epoch) => void (epochNow = epoch);
    own.onBatchEnd = (batch, logs) =>
      onBatchEnd({ epoch: epochNow + 1, step: batch + 1, steps: params.steps, loss: logs?.loss ?? NaN });
  }
  const onEpochEnd = options.onEpochEnd;
  const verbose = setup.verbose;
  if (onEpochEnd != null || verbose > 0) {
    own.onEpochEnd = (_epoch, logs) => {
      onEpochEnd?.(latest());
      if (verbose > 0) console.log(epochLine(latest(), logs ?? {}, params.epochs));
    };
  }
  const history = new History();
  const list = new CallbackList([
    // 'never': only the user's hooks yield to the event loop on tfjs' schedule (fit yields on its own).
    ...(Object.keys(own).length > 0 ? [new CustomCallback(own, 'never')] : []),
    ...standardize(options.callbacks, setup.yieldEvery),
    history,
  ]);
  list.setParams({
    ...params,
    verbose,
    metrics: ['loss', 'acc', ...(params.doValidation ? ['val_loss', 'val_acc'] : [])],
  });
  list.setModel(callbackModel(setup.model, setup.net));
  return { list, history };
}
