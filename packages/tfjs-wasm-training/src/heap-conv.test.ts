import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { convPlan } from './conv-plan.js';
import { setupFastWasm } from './setup.js';
import { uninstallFastWasmKernels, installFastWasmKernels } from './register-fast-kernels.js';
import {
  CONV_GOLDEN_SHA256,
  convInputs,
  convOutputs,
  describeCase,
  randomConvCases,
  sha256,
  SPLIT_CASES,
  splitCaseInputs,
  sumLengths,
  worstOverBound,
  type ConvOutputs,
} from './__fixtures__/conv-cases.js';

const KERNELS: Array<keyof ConvOutputs> = ['forward', 'dx', 'dw'];

describe('our Conv2D, Conv2DBackpropInput and Conv2DBackpropFilter against tfjs-backend-cpu', () => {
  const cases = [...randomConvCases(60, 7, true), ...SPLIT_CASES];
  const inputs = [...cases.slice(0, 60).map((c, i) => convInputs(c, 100 + i)), ...splitCaseInputs()];
  let cpu: ConvOutputs[];
  let magnitudes: ConvOutputs[];
  let wasm: ConvOutputs[];
  let memory: { before: tf.MemoryInfo; after: tf.MemoryInfo };

  beforeAll(async () => {
    await setupFastWasm({ threads: 1 });
    await tf.setBackend('cpu');
    cpu = cases.map((c, i) => convOutputs(c, inputs[i]));
    magnitudes = cases.map((c, i) => convOutputs(c, inputs[i], true));
    await tf.setBackend('wasm');
    const before = tf.memory();
    wasm = cases.map((c, i) => convOutputs(c, inputs[i]));
    memory = { before, after: tf.memory() };
  });

  for (const kernel of KERNELS)
    it(`${kernel}: within float32 rounding of the cpu kernel (bound: terms · 2⁻²³ · Σ|products|) on ${cases.length} shapes`, () => {
      cases.forEach((c, i) => {
        const terms = sumLengths(c, inputs[i].dyShape)[kernel];
        const worst = worstOverBound(wasm[i][kernel], cpu[i][kernel], magnitudes[i][kernel], terms);
        expect(worst, `${kernel} of ${describeCase(c)}`).toBeLessThanOrEqual(1);
      });
    });

  it('covers strides, dilations, every padding and ragged sub-chunks', () => {
    const sweep = cases.slice(0, 60);
    expect(sweep.some((c) => c.strides.some((s) => s === 3))).toBe(true);
    expect(sweep.some((c) => c.dilations.some((d) => d === 2))).toBe(true);
    for (const kind of ['same', 'valid', 'number', 'object'])
      expect(sweep.some((c) => typeof c.pad === kind || c.pad === kind)).toBe(true);
    expect(sweep.some((c) => c.dimRoundingMode != null)).toBe(true);
    // dW both ways: dyᵀ·I, and Iᵀ·dy for small filters on few channels.
    const byRows = sweep.map((c) => {
      const info = tf.backend_util.computeConv2DInfo(c.x, c.filter, c.strides, 1, c.pad, c.dimRoundingMode);
      return convPlan('convBackpropFilter', info).byRows;
    });
    expect(new Set(byRows)).toEqual(new Set([false, true]));
    // The convnet's second layer at batch 8 takes several sub-chunks and groups, with ragged tails.
    const plan = convPlan(
      'convBackpropFilter',
      tf.backend_util.computeConv2DInfo(SPLIT_CASES[0].x, SPLIT_CASES[0].filter, 1, 1, 'valid'),
    );
    expect(plan.groups).toBeGreaterThan(1);
  });

  it('takes an empty batch: empty outputs, zero filter gradients (depthwise too)', () => {
    const results = tf.tidy(() => {
      const x = tf.zeros([0, 5, 5, 3]) as tf.Tensor4D;
      const filter = tf.ones([3, 3, 3, 8]) as tf.Tensor4D;
      const dy = tf.zeros([0, 3, 3, 8]) as tf.Tensor4D;
      const attrs = { strides: 1, pad: 'valid', dilations: 1 };
      return [
        tf.conv2d(x, filter, 1, 'valid'),
        tf.conv2dTranspose(dy, filter, [0, 5, 5, 3], 1, 'valid'),
        tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: [3, 3, 3, 8] }) as tf.Tensor,
        tf.engine().runKernel(
          'DepthwiseConv2dNativeBackpropFilter',
          { x, dy: tf.zeros([0, 3, 3, 6]) },
          {
            ...attrs,
            filterShape: [3, 3, 3, 2],
          },
        ) as tf.Tensor,
      ].map((t) => ({ shape: t.shape, values: Array.from(t.dataSync()) }));
    });
    expect(results.map((r) => r.shape)).toEqual([
      [0, 3, 3, 8],
      [0, 5, 5, 3],
      [3, 3, 3, 8],
      [3, 3, 3, 2],
    ]);
    expect(results[2].values).toEqual(new Array(216).fill(0));
    expect(results[3].values).toEqual(new Array(54).fill(0));
  });

  it('leaves no tensor and no buffer behind', () => {
    expect(memory.after.numTensors).toBe(memory.before.numTensors);
    expect(memory.after.numDataBuffers).toBe(memory.before.numDataBuffers);
  });

  it('computes the same bits every time: the golden SHA-256 (the 2-thread test checks it too)', () => {
    const outputs = wasm.slice(-SPLIT_CASES.length).flatMap((o) => KERNELS.map((k) => o[k]));
    expect(sha256(outputs)).toBe(CONV_GOLDEN_SHA256);
  });

  it('is what the registry runs once installed; uninstalled, wasm has no Conv2DBackpropFilter again', () => {
    uninstallFastWasmKernels();
    try {
      expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
      expect(() => convOutputs(SPLIT_CASES[0], inputs[60])).toThrow(
        "Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'",
      );
    } finally {
      installFastWasmKernels();
    }
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });
});
