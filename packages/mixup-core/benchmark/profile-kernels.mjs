// Where a training step's time goes, kernel by kernel (wasm computes synchronously, so
// wall-clock around each kernel call is its cost). Dev tool, over ../dist.
// Usage: node benchmark/profile-kernels.mjs [steps=20] [--model=bottleneck12|spiral] [--shapes]
// --shapes splits the matmul kernels by operand shapes and transpose flags.
import * as tf from '@tensorflow/tfjs-core';
import { layers } from '@tensorflow/tfjs-layers';
import { mulberry32 } from '@manifold-mixup/random';
import { initBackend, ManifoldMixupModel } from '../dist/index.js';

const args = process.argv.slice(2);
const steps = Number(args.find((a) => !a.startsWith('--')) ?? 20);
const modelId = args.find((a) => a.startsWith('--model='))?.slice(8) ?? 'bottleneck12';
const byShape = args.includes('--shapes');
const MODELS = {
  bottleneck12: {
    widths: [1024, 1024, 1024, 12, 1024, 1024, 1024, 1024],
    eligible: [4],
    inputs: 784,
    classes: 10,
    batch: 100,
    alpha: 2,
  },
  spiral: {
    widths: [1024, 1024, 1024, 1024, 1024, 1024, 1024],
    eligible: [4, 5, 6, 7],
    inputs: 2,
    classes: 2,
    batch: 20,
    alpha: 1,
  },
};
const spec = MODELS[modelId];
if (spec == null) throw new Error(`--model: expected one of ${Object.keys(MODELS).join(', ')}, found ${modelId}`);

await initBackend('wasm');
const specs = [];
spec.widths.forEach((units, i) => {
  specs.push([layers.dense({ units }), spec.eligible.includes(i)]);
  specs.push([layers.leakyReLU({ alpha: 0.3 }), false]);
});
specs.push([layers.dense({ units: spec.classes, activation: 'softmax' }), spec.eligible.includes(spec.widths.length)]);
const model = new ManifoldMixupModel({
  layers: specs,
  inputShape: [spec.inputs],
  numClasses: spec.classes,
  alpha: spec.alpha,
  seed: 1,
});
const rng = mulberry32(3);
const n = spec.batch * steps;
const data = {
  x: Float32Array.from({ length: n * spec.inputs }, rng),
  y: Uint8Array.from({ length: n }, (_, i) => i % spec.classes),
  n,
  shape: [spec.inputs],
  numClasses: spec.classes,
};
const warm = 2 * spec.batch;
// Warm up first: kernels registered lazily (the fused Adam) exist afterwards and get wrapped too.
await model.fit(
  { ...data, n: warm, x: data.x.subarray(0, warm * spec.inputs), y: data.y.subarray(0, warm) },
  { epochs: 1, batchSize: spec.batch },
);

const totals = new Map();
for (const k of tf.getKernelsForBackend('wasm')) {
  const inner = k.kernelFunc;
  tf.unregisterKernel(k.kernelName, 'wasm');
  tf.registerKernel({
    ...k,
    kernelFunc: (kernelArgs) => {
      const t0 = performance.now();
      const out = inner(kernelArgs);
      const dt = performance.now() - t0;
      let key = k.kernelName;
      if (byShape && /MatMul/.test(key)) {
        const { a, b } = kernelArgs.inputs;
        const { transposeA, transposeB } = kernelArgs.attrs;
        key += ` [${a.shape}]${transposeA ? 'ᵀ' : ''}·[${b.shape}]${transposeB ? 'ᵀ' : ''}`;
      }
      const e = totals.get(key) ?? { ms: 0, calls: 0 };
      e.ms += dt;
      e.calls += 1;
      totals.set(key, e);
      return out;
    },
  });
}
const t0 = performance.now();
await model.fit(data, { epochs: 1, batchSize: spec.batch });
const wall = performance.now() - t0;
const kernelMs = [...totals.values()].reduce((a, b) => a + b.ms, 0);
console.log(
  `${modelId}, batch ${spec.batch}, ${steps} steps: ${(wall / steps).toFixed(1)} ms/step, ${((n / wall) * 1000).toFixed(0)} samples/s; kernels ${(kernelMs / steps).toFixed(1)} ms/step, other JS ${((wall - kernelMs) / steps).toFixed(1)} ms/step`,
);
for (const [name, e] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, byShape ? 30 : 20)) {
  console.log(
    `${name.padEnd(byShape ? 60 : 24)} ${(e.ms / steps).toFixed(2).padStart(8)} ms/step ${String(e.calls / steps).padStart(6)} calls/step`,
  );
}
model.dispose();
