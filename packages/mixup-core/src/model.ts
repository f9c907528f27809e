import { describeFound, numberError, rangeError, typeError } from '@manifold-mixup/errors';
import * as tf from '@tensorflow/tfjs-core';
import type { layers, LayersModel, Sequential } from '@tensorflow/tfjs-layers';
import type { LabeledSet } from '@manifold-mixup/types';
import { Adam } from './adam.js';
import { buildLayers, checkDeclaredInputShape } from './build-layers.js';
import { applyDataDense, isPlainDense } from './data-dense.js';
import { evaluateModel, modelActivations, predictModel } from './inference.js';
import type { ClassificationMetrics } from './metrics.js';
import { resolveLogitsSource, withLogitsOutput, type LogitsSource } from './output-head.js';
import { mixRows, type MixPlan } from './mixing.js';
import { withSeededMathRandom } from './seeded-math-random.js';
import { choiceError, found } from './option-checks.js';
import { loadModel, saveModel } from './model-io.js';
import { runEpochs } from './epoch-loop.js';
import { planFit } from './fit-plan.js';
import { sequentialToOptions, type FromSequentialOptions } from './from-sequential.js';
import { layersModelToOptions, type FromLayersModelOptions } from './from-layers-model.js';
import { forwardGraph, type LayerGraph } from './layer-graph.js';
import { reinitializeLayers } from './reinitialize-layers.js';
import {
  adamConfigOf,
  checkOptimizerOption,
  namedSgd,
  TfjsOptimizerStep,
  type OptimizerOption,
} from './step-optimizer.js';
import { toLayersModel, type ToLayersModelOptions } from './to-layers-model.js';
import { trainingFlags } from './wrapped-net.js';
import type { FitHistory, FitInput, FitOptions, FitTargets, LayerSpec } from './types.js';

export interface ManifoldMixupOptions {
  /** Ordered [layer, eligible] pairs; eligible = the activations entering it may be mixed. */
  layers: LayerSpec[];
  /** Per-example input shape, e.g. [2] or [28, 28]. */
  inputShape: number[];
  numClasses: number;
  /** Beta(alpha, alpha) mixing; default 1. 0 means no mixing (as in timm and Keras): the baseline. */
  alpha?: number;
  /** Seeds weight initialisation and (unless fit gets its own) shuffling and mixing; default 0. */
  seed?: number;
  /** One lambda per batch (default, as the paper) or one per example. */
  lambdaMode?: 'batch' | 'example';
  /** What the last layer outputs when it is not recognisably softmax; default 'logits'. */
  output?: 'softmax' | 'logits';
  /**
   * @internal Set by fromLayersModel: the layers are this graph's nodes, run in its wiring, and
   * eligible[i] is the output of layers[i - 1] (the input for i = 0).
   */
  graph?: LayerGraph;
  /**
   * What fit trains with: 'adam' (default; Adam in Keras' form, one fused SIMD update per variable on
   * wasm), 'sgd' (momentum 0.9, as the paper trains CIFAR) or a tf.Optimizer, used as given (a
   * tf.train.adam runs as our Adam with its rate, betas and epsilon). fit's `learningRate` sets the
   * rate of a named one.
   */
  optimizer?: OptimizerOption;
}

function positiveIntegers(values: unknown, field: string): number[] {
  const requirement = 'must be a non-empty array of positive integers';
  if (!Array.isArray(values)) throw typeError('ManifoldMixupModel', field, requirement, found(values));
  // A shape is short: shown whole, it says which entry is wrong.
  if (values.length === 0 || !values.every((v) => Number.isInteger(v) && v > 0))
    throw rangeError('ManifoldMixupModel', field, requirement, JSON.stringify(values));
  return values as number[];
}

/**
 * A classifier built from [layer, eligible] pairs that trains with Manifold Mixup:
 * per batch one eligible layer k, lambda ~ Beta(alpha, alpha), a random pairing of the batch;
 * the activations entering layer k and the one-hot targets are mixed with the same lambda.
 * No eligible layer gives the baseline; flagging the first layer gives input mixup.
 *
 * ```ts
 * import { layers } from '@tensorflow/tfjs-layers';
 * import { twoSpirals } from '@manifold-mixup/datasets';
 *
 * await initBackend();
 * const model = new ManifoldMixupModel({
 *   layers: [
 *     [layers.dense({ units: 64, activation: 'relu' }), false],
 *     [layers.dense({ units: 64, activation: 'relu' }), true], // its input may be mixed
 *     [layers.dense({ units: 2, activation: 'softmax' }), true],
 *   ],
 *   inputShape: [2],
 *   numClasses: 2,
 *   alpha: 1,
 * });
 * await model.fit(twoSpirals({ pointsPerClass: 500 }), { epochs: 5, batchSize: 20 });
 * ```
 */
export class ManifoldMixupModel {
  readonly layers: layers.Layer[];
  readonly eligible: boolean[];
  readonly inputShape: number[];
  readonly numClasses: number;
  readonly alpha: number;
  readonly seed: number;
  readonly lambdaMode: 'batch' | 'example';
  /** How logits are obtained from the last layer (see docs/mixup-core-design.md). */
  readonly logitsSource: LogitsSource;
  /** Layers that run to produce the logits (the last one is skipped if it is a softmax layer). */
  readonly networkDepth: number;
  /**
   * The variables the optimizer keeps state for: the trainable weights at construction, layer
   * by layer. Freezing a layer (`layer.trainable = false`) between fits leaves its entries idle.
   * @internal
   */
  readonly optimizableVariables: tf.Variable[];
  /** @internal The wiring of a model from fromLayersModel; null: the layers form a chain. */
  readonly graph: LayerGraph | null;
  /** @internal Adam's state, when the model trains with Adam (created on first use). */ optimizer: Adam | null = null;
  /** What fit trains with (see ManifoldMixupOptions.optimizer). */
  readonly optimizerOption: OptimizerOption;
  /**
   * @internal The tf.LayersModel whose layers this model shares (fromSequential, fromLayersModel):
   * its `isTraining` is set while fit runs, and dispose leaves its layers to it.
   */
  wrapped: LayersModel | null = null;
  private tfjsOptimizer: TfjsOptimizerStep | null = null;
  /** Set to true (e.g. in a callback) to stop `fit` after the current batch, as tf.LayersModel's. */
  stopTraining = false;
  private fitting = false;
  /**
   * The first layer with weights when it is a plain Dense (else -1): it sees only data, so in
   * training it runs without computing its input's gradient (data-dense.ts).
   */
  private readonly dataDenseLayer: number;
  private disposed = false;

  constructor(options: ManifoldMixupOptions) {
    const { layers: specs } = options;
    const layersRequirement = 'must be a non-empty array of [layer, eligible] pairs';
    if (!Array.isArray(specs)) throw typeError('ManifoldMixupModel', 'layers', layersRequirement, found(specs));
    if (specs.length === 0) throw rangeError('ManifoldMixupModel', 'layers', layersRequirement, describeFound(specs));
    specs.forEach((spec, i) => {
      if (!Array.isArray(spec) || typeof spec[0]?.apply !== 'function' || typeof spec[1] !== 'boolean') {
        throw typeError('ManifoldMixupModel', `layers[${i}]`, 'must be a [tf.layers.Layer, boolean] pair', found(spec));
      }
    });
    this.layers = specs.map(([layer]) => layer);
    this.graph = options.graph ?? null;
    this.eligible = specs.map(([, eligible]) => eligible);
    this.inputShape = positiveIntegers(options.inputShape, 'inputShape');
    if (!Number.isInteger(options.numClasses) || options.numClasses < 2)
      throw numberError('ManifoldMixupModel', 'numClasses', 'must be an integer >= 2', options.numClasses);
    this.numClasses = options.numClasses;
    this.alpha = options.alpha ?? 1;
    if (!(this.alpha >= 0) || !Number.isFinite(this.alpha))
      throw numberError('ManifoldMixupModel', 'alpha', 'must be a finite number >= 0 (0: no mixing)', options.alpha);
    this.optimizerOption = checkOptimizerOption(options.optimizer, 'ManifoldMixupModel');
    this.seed = options.seed ?? 0;
    this.lambdaMode = options.lambdaMode ?? 'batch';
    if (this.lambdaMode !== 'batch' && this.lambdaMode !== 'example')
      throw choiceError('ManifoldMixupModel', 'lambdaMode', "must be 'batch' or 'example'", options.lambdaMode);
    if (options.output != null && options.output !== 'softmax' && options.output !== 'logits')
      throw choiceError('ManifoldMixupModel', 'output', "must be 'softmax' or 'logits'", options.output);
    this.logitsSource = resolveLogitsSource(this.layers[this.layers.length - 1], options.output);
    this.networkDepth = this.logitsSource === 'softmax-layer-skipped' ? this.layers.length - 1 : this.layers.length;

    if (this.graph == null) checkDeclaredInputShape(this.layers[0], this.inputShape);
    // Build every layer on a one-example batch (seeded initialisers) and check the output width.
    const outputShape = withSeededMathRandom(this.seed ^ 0x5eed, () =>
      tf.tidy(() => {
        if (this.graph == null) return buildLayers(this.layers, this.inputShape).shape;
        return forwardGraph(this.graph, tf.zeros([1, ...this.inputShape]), false, undefined, this.layers.length).shape;
      }),
    );
    if (outputShape.length !== 2 || outputShape[1] !== this.numClasses) {
      const requirement = `must output [batch, numClasses=${this.numClasses}]`;
      throw rangeError('ManifoldMixupModel', 'the last layer', requirement, `[${outputShape.join(', ')}]`);
    }
    this.optimizableVariables = this.trainableVariables;
    // Known only now that the layers are built (the build above runs without training).
    const firstWeighted = this.layers.findIndex((layer) => layer.weights.length > 0);
    this.dataDenseLayer = firstWeighted >= 0 && isPlainDense(this.layers[firstWeighted]) ? firstWeighted : -1;
  }

  /**
   * Wrap an existing tf.Sequential: its layers, input shape and class count, with mixing allowed
   * at the input of the layers named in `mixAt` (names or indices into `model.layers`; index 0 is
   * input mixup). The layers are shared, not copied: training updates the Sequential's weights,
   * and `dispose()` leaves them to the Sequential. When it was compiled, fit trains with its
   * optimizer (its loss must be a cross-entropy). Its weights stay as they are unless
   * `reinitialize: true` re-draws them with `seed`, for runs that repeat.
   *
   * ```ts
   * const net = tf.sequential({
   *   layers: [
   *     tf.layers.dense({ inputShape: [32], units: 128, activation: 'relu', name: 'h1' }),
   *     tf.layers.dense({ units: 128, activation: 'relu', name: 'h2' }),
   *     tf.layers.dense({ units: 5, activation: 'softmax', name: 'out' }),
   *   ],
   * });
   * net.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy' });
   * const model = ManifoldMixupModel.fromSequential(net, { mixAt: ['h2', 'out'], alpha: 2, seed: 1, reinitialize: true });
   * ```
   */
  static fromSequential(model: Sequential, options: FromSequentialOptions): ManifoldMixupModel {
    const wrapper = new ManifoldMixupModel(sequentialToOptions(model, options));
    wrapper.wrapped = model;
    if (options.reinitialize === true) reinitializeLayers(wrapper.layers, wrapper.inputShape, wrapper.seed);
    return wrapper;
  }

  /**
   * Wrap any tf.LayersModel with one input and one output (a functional `tf.model` with skip
   * connections and merge layers, or a tf.Sequential), mixing the *output* of the layers named in
   * `mixAt` ('input': input mixup). Every consumer of a mixed output reads the mixed tensor, skip
   * connections included. The layers are shared, not copied: training updates `model`'s weights.
   *
   * ```ts
   * const model = ManifoldMixupModel.fromLayersModel(resnet, { mixAt: ['input', 'block1', 'block2'], alpha: 2 });
   * ```
   */
  static fromLayersModel(model: LayersModel, options: FromLayersModelOptions): ManifoldMixupModel {
    const wrapper = new ManifoldMixupModel(layersModelToOptions(model, options));
    wrapper.wrapped = model;
    return wrapper;
  }

  /** The trainable variables now, layer by layer: those of layers whose `trainable` is true. */
  get trainableVariables(): tf.Variable[] {
    return this.layers.flatMap((l) => l.trainableWeights.map((w) => w.read() as tf.Variable));
  }

  /** Every weight (trainable or not), layer by layer, with a stable position. */
  get weights(): Array<{ name: string; variable: tf.Variable }> {
    return this.layers.flatMap((l) => l.weights.map((w) => ({ name: w.name, variable: w.read() as tf.Variable })));
  }

  /** Indices of the layers whose input may be mixed. */
  get eligibleLayers(): number[] {
    return this.eligible.flatMap((e, i) => (e ? [i] : []));
  }

  /**
   * @internal Run the network up to (not including) layer `end` (default: logits). With `mix`,
   * the activations entering layer `mix.layer` become lambda*h + (1-lambda)*h[permutation] (in a
   * graph: the output of layer `mix.layer - 1`, the input for 0, for all its consumers).
   */
  forward(x: tf.Tensor, training: boolean, mix?: MixPlan, end = this.networkDepth): tf.Tensor {
    return withLogitsOutput(this.layers[this.layers.length - 1], this.logitsSource, () => {
      if (this.graph != null) return forwardGraph(this.graph, x, training, mix, end);
      let h = x;
      for (let i = 0; i <= end; i++) {
        if (mix != null && mix.layer === i) h = mixRows(h, mix.matrix);
        if (i >= end) break;
        const dataDense = training && i === this.dataDenseLayer && h.rank === 2;
        h = dataDense ? applyDataDense(this.layers[i], h) : (this.layers[i].apply(h, { training }) as tf.Tensor);
      }
      return h;
    });
  }

  /**
   * Train with Manifold Mixup, as tf.LayersModel.fit trains: `fit(x, y, options)` with tensors (or
   * flat arrays) of examples and of class indices or one-hot rows, or `fit(set, options)` with a
   * LabeledSet. Defaults as tfjs': epochs 1, batchSize 32, shuffle, verbose 1 (0 for a LabeledSet);
   * `validationSplit`, `validationData` (or `validation`, a LabeledSet) and tfjs callbacks
   * (tf.callbacks.earlyStopping(), tf.CustomCallback, objects of hooks) work as there, and it resolves
   * to tfjs' History (`history.history.loss`, `acc`, `val_loss`, `val_acc`) with `epochs`, our
   * per-epoch records. The data is checked in one pass first (a NaN is named by row and feature); the
   * loss, weights and gradients are checked finite before every update; the rate is constant unless
   * `lrSchedule` is given. With `checkpointDir` (Node) it saves after every epoch and resumes from what
   * is there. A second call while one runs, or while a wrapped net's own fit runs, is rejected.
   *
   * ```ts
   * const history = await model.fit(xs, ys, {
   *   epochs: 24,
   *   batchSize: 100,
   *   validationSplit: 0.1,
   *   callbacks: tf.callbacks.earlyStopping({ monitor: 'val_acc', patience: 3 }),
   * });
   * console.log(history.history.val_acc);
   * ```
   */
  fit(x: FitInput, y: FitTargets, options?: FitOptions): Promise<FitHistory>;
  fit(train: LabeledSet<ArrayLike<number>>, options?: FitOptions): Promise<FitHistory>;
  fit(...args: unknown[]): Promise<FitHistory> {
    this.assertUsable();
    if (this.fitting)
      throw new Error('fit: this model is already training; await the running fit before starting another');
    // tf.LayersModel.fit refuses to start while isTraining is set, and so does this fit.
    const flags = trainingFlags(this.wrapped);
    if (flags.some((flag) => flag.isTraining))
      throw new Error('fit: the wrapped tf.LayersModel is training (its own fit is running); await it before this fit');
    this.fitting = true;
    for (const flag of flags) flag.isTraining = true;
    return planFit(this, args)
      .then((plan) => runEpochs(this, plan))
      .finally(() => {
        this.fitting = false;
        for (const flag of flags) flag.isTraining = false;
      });
  }

  evaluate(data: LabeledSet<ArrayLike<number>>, options: { batchSize?: number } = {}): Promise<ClassificationMetrics> {
    this.assertUsable();
    return evaluateModel(this, data, options);
  }

  /**
   * Class probabilities, rows * numClasses, computed batch by batch. `x` holds whole examples
   * (rows = x.length / prod(inputShape)), or is a tensor of shape [rows, ...inputShape].
   */
  predict(x: Float32Array | tf.Tensor, options: { batchSize?: number } = {}): Promise<Float32Array> {
    this.assertUsable();
    return predictModel(this, x, options);
  }

  /** The output of a layer (index into the pairs, or its name) for every row of `x`, flattened per row. */
  activations(
    x: Float32Array | tf.Tensor,
    layer: number | string,
    options: { batchSize?: number } = {},
  ): Promise<{ values: Float32Array; rows: number; cols: number }> {
    this.assertUsable();
    return modelActivations(this, x, layer, options);
  }

  /**
   * A standard tf.LayersModel with copies of the current weights that outputs class
   * probabilities like `predict` (a softmax the training switched off is back on), for
   * `save` through any tf.io handler and `tf.loadLayersModel`.
   *
   * ```ts
   * const exported = model.toLayersModel();
   * await exported.save('file://models/mixup'); // or 'indexeddb://mixup' in a browser
   * const reloaded = await tf.loadLayersModel('file://models/mixup/model.json');
   * ```
   */
  toLayersModel(options: ToLayersModelOptions = {}): ReturnType<typeof toLayersModel> {
    this.assertUsable();
    return toLayersModel(this, options);
  }

  /** Write weights, optimizer state and config to `dir` (atomically). */
  save(dir: string): Promise<void> {
    this.assertUsable();
    return saveModel(this, dir);
  }

  /** Read weights (and optimizer state when present) saved by a model with the same layers. */
  async load(dir: string): Promise<void> {
    this.assertUsable();
    await loadModel(this, dir);
  }

  /** @internal Adam, created on first use (with a tf.train.adam's betas and epsilon when that is the optimizer). */
  adam(): Adam {
    this.optimizer ??= new Adam(this.trainableVariables, adamConfigOf(this.optimizerOption)?.config);
    return this.optimizer;
  }

  /** @internal What fit updates with: Adam for 'adam' and tf.train.adam, else the tf.Optimizer ('sgd': ours). */
  stepOptimizer(): Adam | TfjsOptimizerStep {
    const option = this.optimizerOption;
    if (adamConfigOf(option) != null) return this.adam();
    this.tfjsOptimizer ??=
      typeof option === 'string'
        ? new TfjsOptimizerStep(namedSgd(0.01), this.optimizableVariables, true)
        : new TfjsOptimizerStep(option, this.optimizableVariables, false);
    return this.tfjsOptimizer;
  }

  /**
   * Frees what the model created: its optimizer state, and the layers' weights unless they belong
   * to a net it wraps (fromSequential, fromLayersModel: `net.dispose()` frees those). A tf.Optimizer
   * given to it (or a wrapped net's) is the user's.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.optimizer?.dispose();
    this.optimizer = null;
    this.tfjsOptimizer?.dispose();
    this.tfjsOptimizer = null;
    if (this.wrapped == null) for (const layer of this.layers) layer.dispose();
  }

  private assertUsable(): void {
    if (this.disposed) throw new Error('ManifoldMixupModel: the model has been disposed');
  }
}
