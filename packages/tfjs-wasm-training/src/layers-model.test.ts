import { beforeAll, describe, expect, it } from 'vitest';
import { fastWasmKernelsInstalled, installFastWasmKernels, uninstallFastWasmKernels } from './register-fast-kernels.js';
import { setupFastWasm } from './setup.js';
import { PLAIN_GOLDEN_SHA256, trainPlainModel, type PlainRun } from './__fixtures__/plain-model.js';

// The README's example: a plain tf.sequential trained with model.fit, with and without our kernels.
describe('a plain tf.LayersModel on wasm', () => {
  let fast: PlainRun;
  let stock: PlainRun;
  beforeAll(async () => {
    expect(await setupFastWasm()).toMatchObject({
      threads: 1,
      accelerations: ['fast-matmul', 'heap-kernels', 'simd-gemm', 'fused-adam'],
    });
    fast = await trainPlainModel();
    uninstallFastWasmKernels();
    try {
      stock = await trainPlainModel();
    } finally {
      installFastWasmKernels();
    }
  });

  it('trains: the loss falls and the classes are learnt', () => {
    expect(fastWasmKernelsInstalled()).toBe(true);
    expect(fast.losses[fast.losses.length - 1]).toBeLessThan(fast.losses[0] / 2);
    expect(fast.accuracy).toBeGreaterThan(0.95);
  });

  it('ends with the weights of the stock kernels, up to float32 rounding', () => {
    let worst = 0;
    fast.weights.forEach((w, i) => {
      const scale = Math.max(...Array.from(stock.weights[i], Math.abs));
      for (let k = 0; k < w.length; k++) worst = Math.max(worst, Math.abs(w[k] - stock.weights[i][k]) / scale);
    });
    // Not bit-identical: XNNPACK sums a matmul's products in another order than the stock kernels'
    // loop for transposed operands (measured: 4e-5 of a matrix's largest weight after 3 epochs).
    expect(worst).toBeLessThan(1e-4);
    expect(worst).toBeGreaterThan(0);
    fast.losses.forEach((loss, i) => expect(Math.abs(loss - stock.losses[i]) / loss).toBeLessThan(1e-5));
  });

  it('trains to the golden weights (the threaded test checks the same hash)', () => {
    expect(fast.sha256).toBe(PLAIN_GOLDEN_SHA256);
  });
});
