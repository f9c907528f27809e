import { rangeError, typeError } from '@manifold-mixup/errors';
import type { Sequential } from '@tensorflow/tfjs-layers';
import { compiledOptimizer } from './wrapped-net.js';
import type { ManifoldMixupOptions } from './model.js';
import { found } from './option-checks.js';

export interface FromSequentialOptions extends Omit<
  ManifoldMixupOptions,
  'layers' | 'inputShape' | 'numClasses' | 'graph'
> {
  /**
   * The layers whose input may be mixed, by name or by index into `model.layers`. Index 0 (the
   * input itself) is input mixup; an empty list trains the baseline.
   */
  mixAt: Array<number | string>;
  /**
   * Re-draw the net's weights from its layers' initializers with `seed`, so that runs repeat
   * (default false: the weights stay as the net has them, and `seed` seeds shuffling and mixing only).
   */
  reinitialize?: boolean;
}

/** [null, 3, 2] as tfjs shapes print: unknown dimensions as null (Array.join would drop them). */
const shapeText = (shape: ReadonlyArray<number | null>): string => `[${shape.map((d) => String(d)).join(', ')}]`;

function mixIndex(model: Sequential, at: number | string, i: number): number {
  const names = model.layers.map((l) => l.name);
  if (typeof at === 'number') {
    if (Number.isInteger(at) && at >= 0 && at < names.length) return at;
    throw rangeError('fromSequential', `mixAt[${i}]`, `must be a layer index in [0, ${names.length})`, String(at));
  }
  if (typeof at !== 'string')
    throw typeError('fromSequential', `mixAt[${i}]`, 'must be a layer index or a layer name', found(at));
  const index = names.indexOf(at);
  if (index < 0)
    throw rangeError('fromSequential', `mixAt[${i}]`, `must name a layer (${names.join(', ')})`, JSON.stringify(at));
  return index;
}

/**
 * The layers to wrap with their eligibility. An explicit `tf.layers.inputLayer` (listed in
 * `model.layers` when the net starts with one) only names the input: it is dropped, and mixing "at"
 * it mixes the input of the layer after it, the same tensor.
 */
function wrappedLayers(model: Sequential, eligible: ReadonlySet<number>): ManifoldMixupOptions['layers'] {
  const wrapped: ManifoldMixupOptions['layers'] = [];
  let carried = false;
  model.layers.forEach((layer, i) => {
    if (layer.getClassName() === 'InputLayer') {
      carried ||= eligible.has(i);
      return;
    }
    wrapped.push([layer, carried || eligible.has(i)]);
    carried = false;
  });
  return wrapped;
}

/** The ManifoldMixupModel options that wrap the layers of `model`. */
export function sequentialToOptions(model: Sequential, options: FromSequentialOptions): ManifoldMixupOptions {
  if (model == null || !Array.isArray(model.layers) || !Array.isArray(model.inputs))
    throw typeError('fromSequential', 'model', 'must be a tf.Sequential (tf.sequential({...}))', found(model));
  if (model.layers.length === 0) throw rangeError('fromSequential', 'model', 'must have layers', 'none');
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    const counts = `${model.inputs.length} and ${model.outputs.length}`;
    throw rangeError('fromSequential', 'model', 'must have one input and one output', counts);
  }
  const { mixAt, reinitialize, ...rest } = options ?? ({} as FromSequentialOptions);
  if (reinitialize != null && typeof reinitialize !== 'boolean')
    throw typeError('fromSequential', 'options.reinitialize', 'must be a boolean', found(reinitialize));
  if (!Array.isArray(mixAt))
    throw typeError('fromSequential', 'options.mixAt', 'must be an array of layer names or indices', found(mixAt));
  const eligible = new Set(mixAt.map((at, i) => mixIndex(model, at, i)));
  const [, ...inputShape] = model.inputs[0].shape;
  if (!inputShape.every((d) => d != null))
    throw rangeError('fromSequential', 'the input shape', 'must be fully known', shapeText(model.inputs[0].shape));
  const outputShape = model.outputs[0].shape;
  const numClasses = outputShape[outputShape.length - 1];
  if (outputShape.length !== 2 || numClasses == null)
    throw rangeError('fromSequential', 'the output', 'must have shape [batch, classes]', shapeText(outputShape));
  return {
    ...rest,
    optimizer: compiledOptimizer(model, rest.optimizer, 'fromSequential') as ManifoldMixupOptions['optimizer'],
    layers: wrappedLayers(model, eligible),
    inputShape: inputShape as number[],
    numClasses,
  };
}
