import type * as tf from '@tensorflow/tfjs-core';
import type { layers, LayersModel, SymbolicTensor } from '@tensorflow/tfjs-layers';
import { describeFound, rangeError, typeError } from '@manifold-mixup/errors';
import { mixRows, type MixPlan } from './mixing.js';

// A functional tf.LayersModel (skip connections, merge layers) as the list of its layer calls in the
// order they run, so that ManifoldMixupModel can run it itself: tfjs' own execution gives no way to
// replace a layer's output between that layer and its consumers, which is what mixing a block's
// output takes. tf.layers' InputLayer cannot be applied to a tensor at all, hence no chain of layers.

/** One layer call: its inputs are the outputs of earlier nodes, or the model input (-1). */
export interface GraphNode {
  layer: layers.Layer;
  inputs: number[];
}

/** A one-input, one-output model: its InputLayer and its layer calls, each after those it reads. */
export interface LayerGraph {
  /** The name of the model's InputLayer. */
  inputName: string;
  /** Post-order from the output: the last node is the output's; the one before it feeds it when it has one input. */
  nodes: GraphNode[];
}

const WHERE = 'fromLayersModel';
const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Why `layer` cannot be run (or mixed around) by ManifoldMixupModel, or null. */
function unsupported(layer: layers.Layer): { requirement: string; found: string } | null {
  if (layer.stateful)
    return {
      requirement:
        'must hold no stateful layer (a stateful RNN carries its state from one batch to the next, which shuffling and mixing rows break; build it with stateful: false)',
      found: `${layer.name} (${layer.getClassName()}) with stateful: true`,
    };
  const className = layer.getClassName();
  const config = layer.getConfig() as { maskZero?: unknown };
  if (className === 'Masking' || (className === 'Embedding' && config.maskZero === true))
    return {
      requirement: 'must hold no layer that produces a mask (masks are not carried through mixing)',
      found: `${layer.name} (${className})`,
    };
  return null;
}

/**
 * The graph of `model`, checked: one input, one output, every layer called once with one output
 * tensor, none stateful or masking. Errors name the layer and what it would take.
 */
export function readLayerGraph(model: LayersModel): LayerGraph {
  const candidate = model as Partial<LayersModel> | null;
  if (
    candidate == null ||
    typeof candidate !== 'object' ||
    !Array.isArray(candidate.inputs) ||
    !Array.isArray(candidate.outputs)
  ) {
    throw typeError(
      WHERE,
      'model',
      'must be a tf.LayersModel (tf.model({ inputs, outputs }) or tf.sequential)',
      describeFound(model),
    );
  }
  const { inputs, outputs } = model;
  if (inputs.length !== 1 || outputs.length !== 1) {
    const hint = inputs.length === 0 ? ' (a tf.sequential needs inputShape on its first layer)' : '';
    throw rangeError(
      WHERE,
      'model',
      'must have one input and one output',
      `${count(inputs.length, 'input')} and ${count(outputs.length, 'output')}${hint}`,
    );
  }
  const source = inputs[0];
  const nodes: GraphNode[] = [];
  const nodeOf = new Map<number, number>(); // SymbolicTensor id -> node index
  const called = new Set<layers.Layer>();
  const visit = (tensor: SymbolicTensor): number => {
    if (tensor.id === source.id) return -1;
    const known = nodeOf.get(tensor.id);
    if (known != null) return known;
    const layer = tensor.sourceLayer;
    const problem = unsupported(layer);
    if (problem != null) throw rangeError(WHERE, 'model', problem.requirement, problem.found);
    if (tensor.outputTensorIndex != null) {
      throw rangeError(
        WHERE,
        'model',
        'must hold layers with one output tensor each',
        `${layer.name} (${layer.getClassName()}) with several`,
      );
    }
    if (called.has(layer)) {
      throw rangeError(
        WHERE,
        'model',
        'must call each layer once (a layer shared between two places of the graph has no single output to mix)',
        `${layer.name} (${layer.getClassName()}) called more than once`,
      );
    }
    called.add(layer);
    const node = { layer, inputs: tensor.inputs.map(visit) };
    nodes.push(node);
    nodeOf.set(tensor.id, nodes.length - 1);
    return nodes.length - 1;
  };
  if (visit(outputs[0]) < 0)
    throw rangeError(WHERE, 'model', 'must have a layer between its input and its output', 'none');
  return { inputName: source.sourceLayer.name, nodes };
}

/** The graph of a chain: layer i reads the output of layer i - 1. */
export function chainGraph(layerList: readonly layers.Layer[]): LayerGraph {
  return { inputName: 'input', nodes: layerList.map((layer, i) => ({ layer, inputs: [i - 1] })) };
}

/**
 * Runs nodes [0, end) on `input` through `apply` (given one value, or an array for a layer with
 * several inputs, as tf.layers' apply takes them) and returns the output of node end - 1 (the input
 * when end is 0). Place `mixAt` is the input (0) or the output of node mixAt - 1: `mix` replaces it
 * before any node reads it, so a skip connection from there carries the mixed tensor as well.
 * Generic so that toLayersModel wires symbolic tensors through the same order.
 */
export function runLayerGraph<T>(
  graph: LayerGraph,
  input: T,
  apply: (node: number, inputs: T | T[]) => T,
  end = graph.nodes.length,
  mixAt = -1,
  mix: (value: T) => T = (value) => value,
): T {
  const source = mixAt === 0 ? mix(input) : input;
  const values: T[] = [];
  for (let i = 0; i < end; i++) {
    const inputs = graph.nodes[i].inputs.map((j) => (j < 0 ? source : values[j]));
    const output = apply(i, inputs.length === 1 ? inputs[0] : inputs);
    values.push(mixAt === i + 1 ? mix(output) : output);
  }
  return end === 0 ? source : values[end - 1];
}

/** ManifoldMixupModel.forward for a graph: the concrete tensors of `runLayerGraph`, mixed by `mix`. */
export function forwardGraph(
  graph: LayerGraph,
  x: tf.Tensor,
  training: boolean,
  mix: MixPlan | undefined,
  end: number,
): tf.Tensor {
  const apply = (node: number, inputs: tf.Tensor | tf.Tensor[]): tf.Tensor =>
    graph.nodes[node].layer.apply(inputs, { training }) as tf.Tensor;
  if (mix == null) return runLayerGraph(graph, x, apply, end);
  return runLayerGraph(graph, x, apply, end, mix.layer, (h) => mixRows(h, mix.matrix));
}
