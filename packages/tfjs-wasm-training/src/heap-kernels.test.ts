import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupFastWasm } from './setup.js';
import { fastTranspose, heapKernels, type WasmBackendInternals } from './heap-kernels.js';

describe('wasm heap kernels', () => {
  let backend: WasmBackendInternals;
  beforeAll(async () => {
    await setupFastWasm();
    backend = tf.backend() as unknown as WasmBackendInternals;
  });

  it('are available on the wasm backend and not elsewhere', () => {
    expect(heapKernels(backend)).not.toBeNull();
    expect(heapKernels({})).toBeNull();
  });

  it('transpose exactly like tf.transpose, ragged edges included, with and without a row bias', () => {
    const before = tf.memory().numTensors;
    for (const shape of [
      [1, 1],
      [1, 9],
      [9, 1],
      [4, 8],
      [5, 7],
      [13, 4],
      [1, 6, 11],
      [100, 132],
    ]) {
      tf.tidy(() => {
        const x = tf.randomNormal(shape, 0, 1, 'float32', 5);
        const rows = shape[shape.length - 2];
        const bias = tf.randomNormal([rows], 0, 1, 'float32', 6);
        const perm = [...shape.keys()];
        [perm[perm.length - 2], perm[perm.length - 1]] = [perm[perm.length - 1], perm[perm.length - 2]];
        const expected = tf.transpose(x, perm);
        const plain = fastTranspose(backend, x);
        const biased = fastTranspose(backend, x, bias);
        expect(plain).not.toBeNull();
        const plainT = tf.engine().makeTensorFromTensorInfo(plain as tf.TensorInfo);
        const biasedT = tf.engine().makeTensorFromTensorInfo(biased as tf.TensorInfo);
        expect(plainT.shape).toEqual(expected.shape);
        expect(Array.from(plainT.dataSync()), `shape ${shape}`).toEqual(Array.from(expected.dataSync()));
        // bias[i] is added to source row i, i.e. to column i of the result.
        const withBias = tf.add(expected, tf.reshape(bias, [...shape.slice(0, -2), 1, rows]));
        expect(Array.from(biasedT.dataSync()), `shape ${shape} + bias`).toEqual(Array.from(withBias.dataSync()));
      });
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses what it cannot transpose (leading axes > 1, non-float)', () => {
    const x = tf.zeros([2, 3, 4]);
    const i = tf.zeros([3, 4], 'int32');
    expect(fastTranspose(backend, x)).toBeNull();
    expect(fastTranspose(backend, i)).toBeNull();
    tf.dispose([x, i]);
  });
});
