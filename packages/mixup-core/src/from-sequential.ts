import type { Sequential } from '@tensorflow/tfjs-layers';
import type { ManifoldMixupOptions } from './model.js';

export interface FromSequentialOptions extends Omit<
  ManifoldMixupOptions,
  'layers' | 'inputShape' | 'numClasses' | 'graph'
> {
  /**
   * The layers whose input may be mixed, by name or by index into `model.layers`. Index 0 (the
   * input itself) is input mixup; an empty list trains the baseline.
   */
  mixAt: Array<number | string>;
}

/** [null, 3, 2] as tfjs shapes print: unknown dimensions as null (Array.join would drop them). */
const shapeText = (shape: ReadonlyArray<number | null>): string => `[${shape.map((d) => String(d)).join(', ')}]`;

function mixIndex(model: Sequential, at: number | string, i: number): number {
  const names = model.layers.map((l) => l.name);
  if (typeof at === 'number') {
    if (Number.isInteger(at) && at >= 0 && at < names.length) return at;
    throw new Error(`fromSequential: mixAt[${i}] must be a layer index in [0, ${names.length}), found ${at}`);
  }
  const index = names.indexOf(at);
  if (index < 0) {
    throw new Error(
      `fromSequential: mixAt[${i}] names no layer: ${JSON.stringify(at)}; the layers are ${names.join(', ')}`,
    );
  }
  return index;
}

/** The ManifoldMixupModel options that wrap the layers of `model`. */
export function sequentialToOptions(model: Sequential, options: FromSequentialOptions): ManifoldMixupOptions {
  if (model == null || !Array.isArray(model.layers) || !Array.isArray(model.inputs)) {
    throw new Error('fromSequential: expected a tf.Sequential (tf.sequential({...})) as the first argument');
  }
  if (model.layers.length === 0) throw new Error('fromSequential: the model has no layers');
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new Error(
      `fromSequential: expected one input and one output, found ${model.inputs.length} and ${model.outputs.length}`,
    );
  }
  const { mixAt, ...rest } = options ?? ({} as FromSequentialOptions);
  if (!Array.isArray(mixAt)) {
    throw new Error(
      `fromSequential: options.mixAt must be an array of layer names or indices, found ${JSON.stringify(mixAt)}`,
    );
  }
  const eligible = new Set(mixAt.map((at, i) => mixIndex(model, at, i)));
  const [, ...inputShape] = model.inputs[0].shape;
  if (!inputShape.every((d) => d != null)) {
    throw new Error(`fromSequential: the input shape must be fully known, found ${shapeText(model.inputs[0].shape)}`);
  }
  const outputShape = model.outputs[0].shape;
  const numClasses = outputShape[outputShape.length - 1];
  if (outputShape.length !== 2 || numClasses == null) {
    throw new Error(`fromSequential: the output must have shape [batch, classes], found ${shapeText(outputShape)}`);
  }
  return {
    ...rest,
    layers: model.layers.map((layer, i) => [layer, eligible.has(i)]),
    inputShape: inputShape as number[],
    numClasses,
  };
}
