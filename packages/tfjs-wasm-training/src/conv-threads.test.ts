import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { heapKernelSlices } from './heap-kernels.js';
import { withHelperThread } from './__fixtures__/helper-thread.js';
import {
  CONV_GOLDEN_SHA256,
  DEPTHWISE_GOLDEN_SHA256,
  splitDepthwiseSha256,
  convOutputs,
  maxPoolGradOf,
  POOL_GOLDEN_SHA256,
  sha256,
  SPLIT_CASES,
  SPLIT_POOLS,
  splitCaseInputs,
} from './__fixtures__/conv-cases.js';
import { CONV_MODEL_SHA256, trainConvModel } from './__fixtures__/conv-model.js';

// This file's process runs the threaded build: the conv, depthwise and pool kernels cut between the
// calling thread and a helper thread give the bits of one thread (heap-conv.test.ts,
// heap-depthwise.test.ts, MaxPoolGrad.test.ts).
describe('conv, depthwise and max-pool gradient kernels on 2 threads', () => {
  beforeAll(withHelperThread);

  it('has a helper thread ready', () => {
    expect(heapKernelSlices(tf.backend())).toBe(2);
  });

  it('computes Conv2D and both of its gradients bit for bit as on one thread', () => {
    const inputs = splitCaseInputs();
    const outputs = SPLIT_CASES.flatMap((c, i) => {
      const o = convOutputs(c, inputs[i]);
      return [o.forward, o.dx, o.dw];
    });
    expect(sha256(outputs)).toBe(CONV_GOLDEN_SHA256);
  });

  it('trains a tf.layers convnet to the weights of one thread', async () => {
    expect((await trainConvModel()).sha256).toBe(CONV_MODEL_SHA256);
  });

  it('computes both depthwise gradients bit for bit as on one thread', () => {
    expect(splitDepthwiseSha256()).toBe(DEPTHWISE_GOLDEN_SHA256);
  });

  it('computes MaxPoolGrad bit for bit as on one thread', () => {
    expect(sha256(SPLIT_POOLS.map((c, i) => maxPoolGradOf(...c, i)))).toBe(POOL_GOLDEN_SHA256);
  });
});
