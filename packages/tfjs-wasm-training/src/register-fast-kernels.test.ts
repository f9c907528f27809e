import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fastWasmKernelsInstalled, installFastWasmKernels, uninstallFastWasmKernels } from './register-fast-kernels.js';
import { setupFastWasm } from './setup.js';

const REPLACED = ['BatchMatMul', '_FusedMatMul', 'Identity', 'Greater', 'Select', 'Cast'];

describe('installFastWasmKernels', () => {
  beforeAll(async () => {
    await setupFastWasm();
  });

  it('is done by setupFastWasm; uninstalling puts back the very stock kernels, and it reinstalls', () => {
    expect(fastWasmKernelsInstalled()).toBe(true);
    const ours = REPLACED.map((name) => tf.getKernel(name, 'wasm')?.kernelFunc);
    uninstallFastWasmKernels();
    expect(fastWasmKernelsInstalled()).toBe(false);
    const stock = REPLACED.map((name) => tf.getKernel(name, 'wasm')?.kernelFunc);
    stock.forEach((kernelFunc, i) => {
      expect(kernelFunc, REPLACED[i]).toBeTypeOf('function');
      expect(kernelFunc, REPLACED[i]).not.toBe(ours[i]);
    });
    expect(installFastWasmKernels()).toBe(true);
    expect(installFastWasmKernels()).toBe(true); // idempotent: stays on our kernels
    expect(fastWasmKernelsInstalled()).toBe(true);
    const again = REPLACED.map((name) => tf.getKernel(name, 'wasm')?.kernelFunc);
    again.forEach((kernelFunc, i) => expect(kernelFunc, REPLACED[i]).not.toBe(stock[i]));
    uninstallFastWasmKernels();
    expect(REPLACED.map((name) => tf.getKernel(name, 'wasm')?.kernelFunc)).toEqual(stock);
    installFastWasmKernels();
  });
});
