// Where the time of a training step goes: tf.profile over a few steps of fit on wasm, kernel times
// summed by kernel name (and, for matmuls, convs, pools and elementwise kernels, by shape), as shares of
// the profiled kernel time.
// Usage: node benchmark/profile-step.mjs [--models=bottleneck12|spiral|convnet] [--steps=6] [--threads=2]
// [--weight-decay=5e-5] (an L2 penalty on the hidden kernels, as the reproduction's weight-decay model)
// [--stock-conv] (tfjs-wasm's own Conv2D, Conv2DBackpropInput, MaxPoolGrad and Sum: ours only for the
//   conv gradients it lacks, i.e. what registering the missing kernels alone gives)
// [--cpu] (each kernel's time as this process's CPU time around the call instead of tf.profile's
//   wall-clock: on a busy shared machine the kernel's own cost; read it on --threads=1, where no other
//   thread of ours runs)
// Shares are what to read: absolute milliseconds drift with the machine's load.
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../dist/index.js';
import { build, MODELS, synthetic } from './models.mjs';
import { useStockKernels } from './stock-kernels.mjs';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const id = args.get('models') ?? 'bottleneck12';
const steps = Number(args.get('steps') ?? 6);
const spec = MODELS.find((m) => m.id === id);
if (spec == null) throw new Error(`--models: expected one of ${MODELS.map((m) => m.id).join(', ')}, found ${id}`);

const info = await initBackend('wasm', { threads: args.has('threads') ? Number(args.get('threads')) : undefined });
if (args.has('stock-conv')) useStockKernels(['Conv2D', 'Conv2DBackpropInput', 'MaxPoolGrad', 'Sum']);
const weightDecay = Number(args.get('weight-decay') ?? 0);
const model = build(spec, { weightDecay });
const warmup = synthetic(spec, 3 * spec.batchSize);
await model.fit(warmup, { epochs: 1, batchSize: spec.batchSize });
const data = synthetic(spec, steps * spec.batchSize);

/** Kernel calls of `run` ({ name, inputShapes, kernelTimeMs }) with CPU times, every wasm kernel wrapped meanwhile. */
async function cpuProfile(run) {
  const kernels = [];
  const configs = tf.getKernelsForBackend('wasm');
  for (const config of configs) {
    tf.unregisterKernel(config.kernelName, 'wasm');
    tf.registerKernel({
      ...config,
      kernelFunc: (kernelArgs) => {
        const start = process.cpuUsage();
        const out = config.kernelFunc(kernelArgs);
        const { user, system } = process.cpuUsage(start);
        const inputShapes = Object.values(kernelArgs.inputs).map((t) => t?.shape ?? null);
        kernels.push({ name: config.kernelName, inputShapes, kernelTimeMs: (user + system) / 1000 });
        return out;
      },
    });
  }
  try {
    await run();
  } finally {
    for (const config of configs) {
      tf.unregisterKernel(config.kernelName, 'wasm');
      tf.registerKernel(config);
    }
  }
  return { kernels };
}

const started = performance.now();
const train = () => model.fit(data, { epochs: 1, batchSize: spec.batchSize }).then(() => null);
const profile = args.has('cpu') ? await cpuProfile(train) : await tf.profile(train);
const wall = performance.now() - started;

const byKey = new Map();
let total = 0;
for (const k of profile.kernels) {
  // Op wrappers (fusedMatMul__op, ...) contain kernels that are listed too: count kernels only.
  if (k.name.endsWith('__op')) continue;
  const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
  total += ms;
  const shapes = /MatMul|Conv|Pool|Sum|Multiply|Sub|Add|Step|Relu/.test(k.name)
    ? ` ${k.inputShapes.map((s) => `[${s}]`).join('·')}`
    : '';
  const key = `${k.name}${shapes}`;
  const entry = byKey.get(key) ?? { ms: 0, calls: 0 };
  entry.ms += ms;
  entry.calls += 1;
  byKey.set(key, entry);
}
const rows = [...byKey.entries()].sort((a, b) => b[1].ms - a[1].ms);
console.log(
  `${spec.name}${weightDecay > 0 ? `, L2 ${weightDecay}` : ''}${args.has('stock-conv') ? ', stock conv kernels' : ''}, batch ${spec.batchSize}, ${steps} steps on wasm (${info.threads} threads; ${info.accelerations.join(', ')})`,
);
console.log(
  `wall ${(wall / steps).toFixed(1)} ms/step (profiling adds overhead); kernels ${(total / steps).toFixed(1)} ms/step${args.has('cpu') ? ' of CPU time' : ''}`,
);
for (const [key, { ms, calls }] of rows.slice(0, Number(args.get('top') ?? 25))) {
  console.log(
    `${((100 * ms) / total).toFixed(1).padStart(5)}%  ${(ms / steps).toFixed(2).padStart(7)} ms/step  ${String(calls / steps).padStart(5)}/step  ${key}`,
  );
}
model.dispose();
