// The three matrix products of a dense layer's training step, on our SIMD GEMM and on XNNPACK (through
// explicit transposes, setSimdGemm(false)), interleaved call by call in one process: shared machines
// drift 2x within minutes, so only neighbouring calls compare. Both give the same numbers bit for bit.
// Usage: node benchmark/matmul.mjs [--threads=1] [--shape=100,1024,1024] [--calls=30]   (batch, in, out)
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { setSimdGemm, setupFastWasm } from '@manifold-mixup/tfjs-wasm-training';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const threads = Number(args.get('threads') ?? 1);
const calls = Number(args.get('calls') ?? 30);
const [m, k, n] = (args.get('shape') ?? '100,1024,1024').split(',').map(Number);
const info = await setupFastWasm({ threads });
console.log(`tfjs-backend-wasm, ${threads} thread(s): ${info.accelerations.join(', ')}; batch ${m}, ${k} -> ${n}`);

const x = tf.randomNormal([m, k]);
const dy = tf.randomNormal([m, n]);
const bias = tf.randomNormal([n]);
// A new weight matrix per call, as after every optimizer step (XNNPACK repacks new weights).
const products = {
  'forward x·W + b': (w) => tf.fused.matMul({ a: x, b: w, bias }),
  'dx = dy·Wᵀ': (w) => tf.matMul(dy, w, false, true),
  'dW = xᵀ·dy': () => tf.matMul(x, dy, true, false),
};
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
for (const [name, product] of Object.entries(products)) {
  const ms = { gemm: [], xnnpack: [] };
  for (let call = 0; call < calls + 3; call++) {
    for (const side of ['gemm', 'xnnpack']) {
      setSimdGemm(side === 'gemm');
      const w = tf.randomNormal([k, n]);
      w.dataSync();
      const start = performance.now();
      const y = product(w);
      y.dataSync();
      if (call >= 3) ms[side].push(performance.now() - start); // 3 warm-up calls
      tf.dispose([w, y]);
    }
  }
  const ratios = ms.gemm.map((t, i) => ms.xnnpack[i] / t);
  const gflops = (t) => ((2 * m * n * k) / t / 1e6).toFixed(1);
  console.log(
    `${name}: ours ${median(ms.gemm).toFixed(2)} ms (${gflops(median(ms.gemm))} GFLOP/s), XNNPACK ` +
      `${median(ms.xnnpack).toFixed(2)} ms (${gflops(median(ms.xnnpack))} GFLOP/s); speed-up per pair: median ` +
      `${median(ratios).toFixed(2)}, ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)} over ${calls} pairs`,
  );
}
