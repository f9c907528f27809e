import type { LayersModel } from '@tensorflow/tfjs-layers';
import { describeFound, rangeError, typeError } from '@manifold-mixup/errors';
import { readLayerGraph, type LayerGraph } from './layer-graph.js';
import type { ManifoldMixupOptions } from './model.js';
import { compiledOptimizer } from './wrapped-net.js';

export interface FromLayersModelOptions extends Omit<
  ManifoldMixupOptions,
  'layers' | 'inputShape' | 'numClasses' | 'graph'
> {
  /**
   * The layers whose output may be mixed, by name (a residual block's add, a pooling layer);
   * 'input' (or the InputLayer's name) is input mixup; an empty list trains the baseline.
   */
  mixAt: string[];
}

const WHERE = 'fromLayersModel';
/** The place of the model input; place i + 1 is the output of graph.nodes[i]. */
const INPUT_PLACE = 0;

/** At most `max` names, for error messages about large graphs. */
function someNames(names: string[], max = 12): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')}, ... (${names.length} in all)`;
}

function mixPlace(graph: LayerGraph, name: unknown, i: number): number {
  const field = `options.mixAt[${i}]`;
  if (typeof name !== 'string')
    throw typeError(WHERE, field, "must be a layer name ('input' for the model input)", describeFound(name));
  if (name === graph.inputName) return INPUT_PLACE;
  const node = graph.nodes.findIndex((n) => n.layer.name === name);
  if (node < 0 && name === 'input') return INPUT_PLACE;
  if (node < 0) {
    const names = ['input', ...graph.nodes.slice(0, -1).map((n) => n.layer.name)];
    throw rangeError(WHERE, field, `must name a layer of the model (${someNames(names)})`, JSON.stringify(name));
  }
  if (node === graph.nodes.length - 1)
    throw rangeError(
      WHERE,
      field,
      'must name a layer before the output layer (mixing its output would mix the predictions, not a representation)',
      JSON.stringify(name),
    );
  return node + 1;
}

/** [null, 3, 2] as tfjs shapes print: unknown dimensions as null. */
const shapeText = (shape: ReadonlyArray<number | null>): string => `[${shape.map((d) => String(d)).join(', ')}]`;

/**
 * The ManifoldMixupModel options that run the graph of `model`: its layers in the order they run,
 * `eligible[0]` for the input and `eligible[i]` for the output of layer i - 1 (in a chain, the
 * activations entering layer i, as for every ManifoldMixupModel).
 */
export function layersModelToOptions(model: LayersModel, options: FromLayersModelOptions): ManifoldMixupOptions {
  const graph = readLayerGraph(model);
  if (options == null || typeof options !== 'object')
    throw typeError(
      WHERE,
      'options',
      "must be an object such as { mixAt: ['input', 'block1'] }",
      describeFound(options),
    );
  const { mixAt, ...rest } = options;
  if (!Array.isArray(mixAt)) {
    throw typeError(
      WHERE,
      'options.mixAt',
      "must be an array of layer names ('input' for the model input)",
      describeFound(mixAt),
    );
  }
  const places = new Set(mixAt.map((name, i) => mixPlace(graph, name, i)));
  const [, ...inputShape] = model.inputs[0].shape;
  if (!inputShape.every((d) => d != null))
    throw rangeError(WHERE, 'model', 'must have a fully known input shape', shapeText(model.inputs[0].shape));
  const outputShape = model.outputs[0].shape;
  const numClasses = outputShape[outputShape.length - 1];
  if (outputShape.length !== 2 || numClasses == null)
    throw rangeError(WHERE, 'model', 'must output [batch, classes]', shapeText(outputShape));
  return {
    ...rest,
    optimizer: compiledOptimizer(model, rest.optimizer, WHERE) as ManifoldMixupOptions['optimizer'],
    layers: graph.nodes.map((node, i) => [node.layer, places.has(i)]),
    inputShape: inputShape as number[],
    numClasses,
    graph,
  };
}
