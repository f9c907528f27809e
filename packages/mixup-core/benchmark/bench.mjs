// Training and inference throughput of the seed's two heaviest models and the MNIST convnet on every
// available backend. Usage: pnpm bench [--json] [--backends=wasm,cpu] [--seconds=8] [--models=spiral,convnet]
// [--threads=1] (wasm: XNNPACK threads; default all cores, at most 8)
// [--stock] (wasm with tfjs' own matmul kernels, to see what the fix is worth) [--no-inference]
// [--no-simd-gemm] (wasm with the fix but XNNPACK instead of our GEMM, to see what the GEMM is worth)
// [--stock-kernels=Sum,MaxPoolGrad] (wasm with tfjs' own kernels of those names instead of ours, the rest ours)
// [--weight-decay=5e-5] (an L2 penalty on the hidden kernels, as the reproduction's weight-decay model)
// [--no-fold-l2] (with it: the penalty differentiated on the tape instead of folded into Adam)
// Plain ESM over ../dist (the turbo bench task builds first).
import { loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import { activeAccelerations, setSimdGemm, uninstallFastWasmKernels } from '@manifold-mixup/tfjs-wasm-training';
import { initBackend } from '../dist/index.js';
import { Adam } from '../dist/adam.js';
import { build, macs, MODELS, synthetic } from './models.mjs';
import { useStockKernels } from './stock-kernels.mjs';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const json = args.has('json');
const seconds = Number(args.get('seconds') ?? 8);
const wanted = (args.get('backends') ?? 'tensorflow,wasm,cpu').split(',');
const models = args.get('models')?.split(',');
const threads = args.has('threads') ? Number(args.get('threads')) : undefined;
const weightDecay = Number(args.get('weight-decay') ?? 0);

/** Steps per second of fit, timed from the end of the warm-up steps to the last step. */
async function trainingRate(model, spec) {
  const warmup = 2;
  let steps = warmup + 3;
  let stepRate;
  for (;;) {
    const data = synthetic(spec, steps * spec.batchSize);
    const stamps = [];
    const cpuStamps = [];
    const onBatchEnd = () => {
      stamps.push(performance.now());
      cpuStamps.push(process.cpuUsage());
    };
    await model.fit(data, { epochs: 1, batchSize: spec.batchSize, onBatchEnd });
    const timed = stamps.length - warmup;
    const elapsed = (stamps[stamps.length - 1] - stamps[warmup - 1]) / 1000;
    stepRate = timed / elapsed;
    // This process's CPU time per step (every thread of it): what a busy shared machine barely changes.
    const [from, to] = [cpuStamps[warmup - 1], cpuStamps[cpuStamps.length - 1]];
    const cpuMsPerStep = (to.user - from.user + to.system - from.system) / 1000 / timed;
    if (elapsed >= seconds || steps > 4000) return { stepRate, steps: timed, cpuMsPerStep };
    steps = warmup + Math.ceil(Math.max(timed * 2, stepRate * seconds * 1.1));
  }
}

async function inferenceRate(model, spec) {
  const batchSize = 1000;
  const data = synthetic(spec, batchSize);
  await model.predict(data.x.subarray(0, (10 * data.x.length) / data.n)); // warm-up (small: cpu is slow)
  let rows = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 500 || rows === 0) {
    await model.predict(data.x, { batchSize });
    rows += data.n;
  }
  return rows / ((performance.now() - start) / 1000);
}

/**
 * GFLOP/s of one plain 1024x1024 by 1024x100 matmul on unchanging tensors: what this machine's
 * backend can do right now. Shared VMs vary by tens of % from minute to minute; training GFLOP/s
 * as a fraction of this is what stays comparable between runs.
 */
function referenceMatMulGflops() {
  const [a, b] = [tf.randomNormal([1024, 1024]), tf.randomNormal([1024, 100])];
  const once = () =>
    tf.tidy(() => {
      tf.matMul(a, b).dataSync();
    });
  once();
  let best = Infinity;
  const until = performance.now() + Math.min(2000, seconds * 200);
  while (performance.now() < until || best === Infinity) {
    const t0 = performance.now();
    once();
    best = Math.min(best, performance.now() - t0);
  }
  tf.dispose([a, b]);
  return Math.round((2 * 1024 * 1024 * 100) / best / 1e5) / 10;
}

for (const backend of wanted) {
  let info;
  try {
    info = await initBackend(backend, { threads });
    if (args.has('stock') && info.name === 'wasm') {
      uninstallFastWasmKernels();
      info = { ...info, fastMatMul: false, accelerations: activeAccelerations() };
    }
    if (args.has('stock-kernels') && info.name === 'wasm') useStockKernels(args.get('stock-kernels').split(','));
    if (args.has('no-simd-gemm') && info.name === 'wasm') {
      setSimdGemm(false);
      info = { ...info, accelerations: info.accelerations.filter((a) => a !== 'simd-gemm') };
    }
  } catch (error) {
    const line = { backend, available: false, reason: error.message };
    console.log(json ? JSON.stringify(line) : `${backend}: not available (${error.message.split('\n')[0]})`);
    continue;
  }
  const referenceGflops = referenceMatMulGflops();
  // The convnet on tfjs' cpu backend trains at ~2 samples/s: there only when asked for by name.
  const chosen = MODELS.filter((m) => (models == null ? !(m.convnet && info.name === 'cpu') : models.includes(m.id)));
  for (const spec of chosen) {
    const baseline = tf.memory().numTensors;
    const model = build(spec, { weightDecay });
    if (args.has('no-fold-l2')) model.optimizer = new Adam(model.trainableVariables, {}, { foldL2: false });
    const tensorsBefore = tf.memory().numTensors;
    let rate;
    try {
      rate = await trainingRate(model, spec);
    } catch (error) {
      // e.g. the convnet with --stock: tfjs-backend-wasm alone has no Conv2DBackpropFilter.
      model.dispose();
      const line = { backend: info.name, model: spec.id, trainable: false, reason: error.message };
      console.log(json ? JSON.stringify(line) : `${info.name}: ${spec.id} does not train (${error.message})`);
      continue;
    }
    const { stepRate, steps, cpuMsPerStep } = rate;
    const trainSamples = stepRate * spec.batchSize;
    const inference = args.has('no-inference') ? Number.NaN : await inferenceRate(model, spec);
    const tensorsAfter = tf.memory().numTensors;
    model.dispose();
    const line = {
      backend: info.name,
      threads: info.threads,
      simd: info.simd,
      fastMatMul: info.fastMatMul,
      model: spec.id,
      batchSize: spec.batchSize,
      timedSteps: steps,
      trainSamplesPerSecond: Math.round(trainSamples * 10) / 10,
      trainCpuMsPerStep: Math.round(cpuMsPerStep * 10) / 10,
      trainGflops: Math.round((6 * macs(spec) * trainSamples) / 1e8) / 10,
      inferenceSamplesPerSecond: Math.round(inference),
      inferenceGflops: Math.round((2 * macs(spec) * inference) / 1e8) / 10,
      referenceMatMulGflops: referenceGflops,
      tensorsBefore,
      tensorsAfter,
      tensorsAfterDispose: tf.memory().numTensors,
      tensorsAtStart: baseline,
      loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
    };
    if (json) console.log(JSON.stringify(line));
    else {
      console.log(
        `${info.name}${info.simd ? ' (simd' : ' ('}${info.fastMatMul ? ', fast matmul' : ''}, ${info.threads} thread${info.threads === 1 ? '' : 's'}) — ${spec.name}, batch ${spec.batchSize}${weightDecay > 0 ? `, L2 ${weightDecay}${args.has('no-fold-l2') ? ' (taped)' : ' (folded)'}` : ''}${args.has('stock-kernels') ? `, stock ${args.get('stock-kernels')}` : ''}`,
      );
      console.log(
        `  training:  ${line.trainSamplesPerSecond} samples/s (${line.trainGflops} GFLOP/s, ${steps} timed steps; ${Math.round((100 * line.trainGflops) / referenceGflops)}% of a plain matmul's ${referenceGflops} GFLOP/s now)`,
      );
      console.log(
        `  inference: ${line.inferenceSamplesPerSecond} samples/s at batch 1000 (${line.inferenceGflops} GFLOP/s)`,
      );
      console.log(
        `  live tensors: ${tensorsBefore} after build, ${tensorsAfter} after training + inference, ${line.tensorsAfterDispose} after dispose (${baseline} at start); load average ${line.loadAverage1m}`,
      );
    }
  }
}
