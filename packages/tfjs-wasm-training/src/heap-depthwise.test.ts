import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupFastWasm } from './setup.js';
import {
  DEPTHWISE_GOLDEN_SHA256,
  SPLIT_DEPTHWISE,
  splitDepthwiseSha256,
  convInputs,
  depthwiseOutputs,
  describeCase,
  randomConvCases,
  sumLengths,
  worstOverBound,
  type ConvCase,
  type ConvOutputs,
} from './__fixtures__/conv-cases.js';

type Gradients = Pick<ConvOutputs, 'dx' | 'dw'>;

describe('our DepthwiseConv2dNativeBackpropInput and ...BackpropFilter against tfjs-backend-cpu', () => {
  // Random shapes, and MobileNet-like ones big enough for several groups and ragged channel tails.
  const cases: ConvCase[] = [...randomConvCases(50, 11, false, true), ...SPLIT_DEPTHWISE];
  const inputs = cases.map((c, i) => convInputs(c, 300 + i));
  let cpu: Gradients[];
  let magnitudes: Gradients[];
  let wasm: Gradients[];
  let memory: { before: tf.MemoryInfo; after: tf.MemoryInfo };

  beforeAll(async () => {
    await setupFastWasm({ threads: 1 });
    await tf.setBackend('cpu');
    cpu = cases.map((c, i) => depthwiseOutputs(c, inputs[i]));
    magnitudes = cases.map((c, i) => depthwiseOutputs(c, inputs[i], true));
    await tf.setBackend('wasm');
    const before = tf.memory();
    wasm = cases.map((c, i) => depthwiseOutputs(c, inputs[i]));
    memory = { before, after: tf.memory() };
  });

  for (const kernel of ['dx', 'dw'] as const)
    it(`${kernel}: within float32 rounding of the cpu kernel (bound: terms · 2⁻²³ · Σ|products|) on ${cases.length} shapes`, () => {
      cases.forEach((c, i) => {
        const terms = sumLengths(c, inputs[i].dyShape)[kernel];
        const worst = worstOverBound(wasm[i][kernel], cpu[i][kernel], magnitudes[i][kernel], terms);
        expect(worst, `${kernel} of ${describeCase(c)}`).toBeLessThanOrEqual(1);
      });
    });

  it('covers multipliers, strides and paddings', () => {
    expect(new Set(cases.map((c) => c.filter[3]))).toEqual(new Set([1, 2, 3]));
    expect(cases.some((c) => c.strides.some((s) => s === 3))).toBe(true);
    expect(cases.some((c) => Array.isArray(c.pad))).toBe(true);
  });

  // tfjs' cpu kernels ignore dilations in these two gradients (and tfjs' gradient refuses them), so
  // dilated cases are checked against the forward pass instead: for y = conv(x, w), Σ dy·y = Σ dx·x =
  // Σ dW·w (both gradients are adjoints of the forward conv, which the cpu backend dilates correctly).
  it('dilated: dx and dW are the adjoints of the (cpu) dilated forward conv', async () => {
    const dilated = randomConvCases(120, 13, true, true).filter((c) => c.dilations.some((d) => d > 1));
    expect(dilated.length).toBeGreaterThan(20);
    const dot = (a: Float32Array, b: Float32Array): number => a.reduce((sum, v, i) => sum + v * b[i], 0);
    const forward = (c: ConvCase, x: Float32Array, w: Float32Array): Float32Array =>
      tf.tidy(() => {
        const y = tf.depthwiseConv2d(
          tf.tensor4d(x, c.x),
          tf.tensor4d(w, c.filter),
          c.strides,
          c.pad,
          'NHWC',
          c.dilations,
          c.dimRoundingMode,
        );
        return y.dataSync() as Float32Array;
      });
    const data = dilated.map((c, i) => convInputs(c, 500 + i));
    await tf.setBackend('cpu');
    const ys = dilated.map((c, i) => forward(c, data[i].x, data[i].filter));
    const scales = dilated.map((c, i) => {
      const [x, w, dy] = [data[i].x, data[i].filter, data[i].dy].map((a) => a.map(Math.abs));
      return dot(dy, forward(c, x, w));
    });
    await tf.setBackend('wasm');
    dilated.forEach((c, i) => {
      const { dx, dw } = depthwiseOutputs(c, data[i]);
      const expected = dot(data[i].dy, ys[i]);
      // Each side sums float32 values with at most terms · 2⁻²⁴ relative rounding: 1e-5 of the scale.
      expect(Math.abs(dot(dx, data[i].x) - expected), `dx of ${describeCase(c)}`).toBeLessThan(1e-5 * scales[i]);
      expect(Math.abs(dot(dw, data[i].filter) - expected), `dW of ${describeCase(c)}`).toBeLessThan(1e-5 * scales[i]);
    });
  });

  it('computes the same bits every time: the golden SHA-256 (the 2-thread test checks it too)', () => {
    expect(splitDepthwiseSha256()).toBe(DEPTHWISE_GOLDEN_SHA256);
  });

  it('leaves no tensor and no buffer behind', () => {
    expect(memory.after).toMatchObject({
      numTensors: memory.before.numTensors,
      numDataBuffers: memory.before.numDataBuffers,
    });
  });
});
