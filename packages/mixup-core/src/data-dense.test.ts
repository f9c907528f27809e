import * as tf from '@tensorflow/tfjs-core';
import { layers } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend.js';
import { applyDataDense, isPlainDense } from './data-dense.js';
import { ManifoldMixupModel } from './model.js';
import { smallMlp } from './__fixtures__/synthetic.js';

function built(layer: ReturnType<typeof layers.dense>, inputs: number): typeof layer {
  layer.apply(tf.zeros([1, inputs]));
  return layer;
}

/** Kernel names run while computing the gradients of sum(forward(x)) with respect to the weights. */
async function backwardKernels(forward: (x: tf.Tensor) => tf.Tensor, x: tf.Tensor): Promise<string[]> {
  const info = await tf.profile(() => {
    const { value, grads } = tf.variableGrads(() => tf.sum(forward(x)) as tf.Scalar);
    return [value, ...Object.values(grads)];
  });
  const names = info.kernels.map((k) => k.name);
  tf.dispose(info.result as tf.Tensor[]);
  return names;
}

describe('applyDataDense', () => {
  beforeAll(async () => {
    await initBackend('wasm', { threads: 1 });
  });

  it('recognises built Dense layers only', () => {
    expect(isPlainDense(built(layers.dense({ units: 3 }), 4))).toBe(true);
    expect(isPlainDense(layers.dense({ units: 3 }))).toBe(false); // not built: no kernel yet
    expect(isPlainDense(layers.flatten())).toBe(false);
  });

  it('computes what layer.apply computes, with and without bias and activation', () => {
    const x = tf.randomNormal([5, 4], 0, 1, 'float32', 3);
    for (const options of [{}, { activation: 'relu' as const }, { useBias: false, activation: 'tanh' as const }]) {
      const layer = built(layers.dense({ units: 3, biasInitializer: 'randomNormal', ...options }), 4);
      const expected = layer.apply(x) as tf.Tensor;
      const got = applyDataDense(layer, x);
      expect(got.shape).toEqual(expected.shape);
      const [a, b] = [got.dataSync(), expected.dataSync()];
      a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 5));
      tf.dispose([expected, got]);
    }
    x.dispose();
  });

  it('gives the same weight gradients without computing the input gradient', async () => {
    const x = tf.randomNormal([8, 16], 0, 1, 'float32', 5);
    const layer = built(layers.dense({ units: 32, biasInitializer: 'randomNormal' }), 16);
    const grads = (forward: (x: tf.Tensor) => tf.Tensor) =>
      tf.variableGrads(() => tf.sum(tf.square(forward(x))) as tf.Scalar).grads;
    const viaLayer = grads((t) => layer.apply(t) as tf.Tensor);
    const viaData = grads((t) => applyDataDense(layer, t));
    for (const name of Object.keys(viaLayer)) {
      const [a, b] = [viaData[name].dataSync(), viaLayer[name].dataSync()];
      a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 4));
    }
    tf.dispose([...Object.values(viaLayer), ...Object.values(viaData)]);

    const matmuls = (names: string[]) => names.filter((n) => n === 'BatchMatMul' || n === '_FusedMatMul').length;
    const withLayer = matmuls(await backwardKernels((t) => layer.apply(t) as tf.Tensor, x));
    const withData = matmuls(await backwardKernels((t) => applyDataDense(layer, t), x));
    expect(withLayer).toBe(3); // forward, dW and dx
    expect(withData).toBe(2); // forward and dW only
    x.dispose();
  });

  it("is what a model's training forward pass uses for its first dense layer, after weightless layers", async () => {
    const specs = [[layers.flatten(), false] as const, ...smallMlp([])];
    const model = new ManifoldMixupModel({
      layers: specs.map(([l, e]) => [l, e]),
      inputShape: [1, 2],
      numClasses: 2,
      seed: 1,
    });
    const x = tf.randomNormal([6, 1, 2], 0, 1, 'float32', 2);
    const count = (names: string[]) => names.filter((n) => n === 'BatchMatMul' || n === '_FusedMatMul').length;
    // 3 dense layers: 3 forward + 3 dW + 2 dx (none for the first layer); 9 with layer.apply throughout.
    expect(count(await backwardKernels((t) => model.forward(t, true), x))).toBe(8);
    const inference = model.forward(x, false);
    const training = model.forward(x, true);
    const expected = inference.dataSync();
    training.dataSync().forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
    tf.dispose([x, inference, training]);
    model.dispose();
  });
});
