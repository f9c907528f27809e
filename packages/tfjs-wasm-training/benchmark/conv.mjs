// A conv layer's three kernels (forward Conv2D, Conv2DBackpropInput, Conv2DBackpropFilter), NHWC,
// on our GEMM and with tfjs-wasm's own kernels (setSimdGemm(false); the stock backend has no
// Conv2DBackpropFilter, so that one is ours alone), interleaved call by call in one process: shared
// machines drift 2x within minutes, so only neighbouring calls compare.
// Usage: node benchmark/conv.mjs [--threads=1] [--shape=128,13,13,32,64,3] [--calls=20] [--stride=1] [--pad=valid]
//   [--cpu] (shape: batch, height, width, in channels, out channels, filter size; --cpu: this process's CPU
//   time per call instead of wall-clock, which a busy shared machine inflates; read it on 1 thread)
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { setSimdGemm, setupFastWasm } from '@manifold-mixup/tfjs-wasm-training';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const threads = Number(args.get('threads') ?? 1);
const calls = Number(args.get('calls') ?? 20);
const [n, h, w, c, o, f] = (args.get('shape') ?? '128,13,13,32,64,3').split(',').map(Number);
const stride = Number(args.get('stride') ?? 1);
const pad = args.get('pad') ?? 'valid';
const cpu = args.has('cpu');
/** Milliseconds since `start` (a performance.now() or, with --cpu, a process.cpuUsage()). */
const now = () => (cpu ? process.cpuUsage() : performance.now());
const elapsed = (start) => {
  if (!cpu) return performance.now() - start;
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
};
const info = await setupFastWasm({ threads });
console.log(
  `tfjs-backend-wasm, ${threads} thread(s): ${info.accelerations.join(', ')}; ${cpu ? 'CPU' : 'wall-clock'} time per call`,
);

const x = tf.randomNormal([n, h, w, c]);
const probe = tf.conv2d(x, tf.zeros([f, f, c, o]), stride, pad);
const dy = tf.randomNormal(probe.shape);
const macs = probe.size * f * f * c;
console.log(`x [${x.shape}] * filter [${f},${f},${c},${o}] -> y [${probe.shape}], stride ${stride}, pad ${pad}`);
// A new filter per call, as after every optimizer step.
const kernels = {
  'forward Conv2D': (filter) => tf.conv2d(x, filter, stride, pad),
  'dx Conv2DBackpropInput': (filter) => tf.conv2dTranspose(dy, filter, x.shape, stride, pad),
  'dW Conv2DBackpropFilter': () =>
    tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: stride, pad, filterShape: [f, f, c, o] }),
};
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const gflops = (ms) => ((2 * macs) / ms / 1e6).toFixed(1);
for (const [name, kernel] of Object.entries(kernels)) {
  const sides = name.startsWith('dW') ? ['ours'] : ['ours', 'stock'];
  const ms = { ours: [], stock: [] };
  for (let call = 0; call < calls + 2; call++) {
    for (const side of sides) {
      setSimdGemm(side === 'ours');
      const filter = tf.randomNormal([f, f, c, o]);
      filter.dataSync();
      // wasm runs a kernel synchronously: it is done when the op returns (reading y back is not timed).
      const start = now();
      const y = kernel(filter);
      if (call >= 2) ms[side].push(elapsed(start)); // 2 warm-up calls
      y.dataSync();
      tf.dispose([filter, y]);
    }
  }
  const ours = `ours ${median(ms.ours).toFixed(2)} ms (${gflops(median(ms.ours))} GFLOP/s)`;
  if (sides.length === 1) console.log(`${name}: ${ours}`);
  else {
    const ratios = ms.ours.map((t, i) => ms.stock[i] / t);
    console.log(
      `${name}: ${ours}, stock ${median(ms.stock).toFixed(2)} ms (${gflops(median(ms.stock))} GFLOP/s); speed-up ` +
        `per pair: median ${median(ratios).toFixed(2)}, ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)} over ${calls} pairs`,
    );
  }
}
setSimdGemm(true);
