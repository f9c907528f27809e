// Where a training step's time goes, kernel by kernel (wasm computes synchronously, so
// wall-clock around each kernel call is its cost). Usage: node benchmark/profile-kernels.mjs [steps]
import * as tf from '@tensorflow/tfjs-core';
import { layers } from '@tensorflow/tfjs-layers';
import { initBackend, ManifoldMixupModel, mulberry32 } from '../dist/index.js';

const steps = Number(process.argv[2] ?? 20);
await initBackend('wasm');
const totals = new Map();
for (const k of tf.getKernelsForBackend('wasm')) {
  const inner = k.kernelFunc;
  tf.unregisterKernel(k.kernelName, 'wasm');
  tf.registerKernel({ ...k, kernelFunc: (args) => {
    const t0 = performance.now();
    const out = inner(args);
    const dt = performance.now() - t0;
    const e = totals.get(k.kernelName) ?? { ms: 0, calls: 0 };
    e.ms += dt; e.calls += 1; totals.set(k.kernelName, e);
    return out;
  } });
}
const widths = [1024, 1024, 1024, 12, 1024, 1024, 1024, 1024];
const specs = [];
widths.forEach((units, i) => { specs.push([layers.dense({ units }), i === 4]); specs.push([layers.leakyReLU({ alpha: 0.3 }), false]); });
specs.push([layers.dense({ units: 10, activation: 'softmax' }), false]);
const model = new ManifoldMixupModel({ layers: specs, inputShape: [784], numClasses: 10, alpha: 2, seed: 1 });
const rng = mulberry32(3);
const n = 100 * steps;
const data = { x: Float32Array.from({ length: n * 784 }, rng), y: Uint8Array.from({ length: n }, (_, i) => i % 10), n, shape: [784], numClasses: 10 };
await model.fit({ ...data, n: 200, x: data.x.subarray(0, 200 * 784), y: data.y.subarray(0, 200) }, { epochs: 1, batchSize: 100 });
totals.clear();
const t0 = performance.now();
await model.fit(data, { epochs: 1, batchSize: 100 });
const wall = performance.now() - t0;
const kernelMs = [...totals.values()].reduce((a, b) => a + b.ms, 0);
console.log(`${steps} steps: ${(wall / steps).toFixed(1)} ms/step, ${(n / wall * 1000).toFixed(0)} samples/s; kernels ${(kernelMs / steps).toFixed(1)} ms/step, other JS ${((wall - kernelMs) / steps).toFixed(1)} ms/step`);
for (const [name, e] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 20)) {
  console.log(`${name.padEnd(24)} ${(e.ms / steps).toFixed(2).padStart(8)} ms/step ${String(e.calls / steps).padStart(6)} calls/step`);
}
