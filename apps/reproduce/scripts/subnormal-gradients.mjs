// How many subnormal numbers (nonzero, below 1.2e-38 in magnitude) one training step of a dense
// LeakyReLU classifier meets: in the gradient at the logits, in the products of the backward matmuls
// (dW = hᵀ·dy) and in the backpropagated gradients. WebAssembly has no flush-to-zero, and on x86 an
// operation on or giving a subnormal takes a microcode path hundreds of times slower (BENCHMARKS.md),
// so a model whose softmax saturates trains slower. Reads epoch checkpoints of apps/reproduce
// (<out>/.reproduce-cache/<hash>/checkpoint) of MNIST models whose layers alternate Dense and
// LeakyReLU(0.3), the last Dense giving the logits; the first `--images` MNIST training images, in
// batches of 100, the step's gradient as the mean cross-entropy's on hard labels. Values are
// computed in float64 and rounded to float32 where a kernel would store them (an approximation of
// float32 arithmetic, close enough to count). Usage, after a build:
//   node apps/reproduce/scripts/subnormal-gradients.mjs [--images 200] <checkpoint dir>...
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadMnist } from '@manifold-mixup/datasets';

const { values, positionals } = parseArgs({
  options: { images: { type: 'string', default: '200' } },
  allowPositionals: true,
});
if (positionals.length === 0) {
  console.error('usage: subnormal-gradients.mjs [--images 200] <checkpoint dir>...');
  process.exit(2);
}
const images = Number(values.images);
if (!Number.isInteger(images) || images < 100 || images % 100 !== 0)
  throw new Error(`--images: expected a multiple of 100, found ${values.images}`);

const TINY = 1.1754943508222875e-38;
const isSubnormal = (v) => v !== 0 && Math.abs(v) < TINY;
const ALPHA = 0.3;
const BATCH = 100;

function loadDense(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  const bytes = readFileSync(join(dir, manifest.weightsFile));
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const byName = new Map(
    manifest.weights.map((s) => [
      s.name,
      { shape: s.shape, values: all.subarray(s.offset / 4, s.offset / 4 + s.shape.reduce((a, b) => a * b, 1)) },
    ]),
  );
  const names = manifest.config.layers.filter((l) => l.className === 'Dense').map((l) => l.name);
  return names.map((name) => ({ kernel: byName.get(`${name}/kernel`), bias: byName.get(`${name}/bias`) }));
}

/** rows × k times k × n (row-major), plus bias, rounded to float32. */
function affine(x, rows, k, kernel, bias) {
  const n = kernel.shape[1];
  const out = new Float32Array(rows * n);
  const w = kernel.values;
  for (let r = 0; r < rows; r++) {
    const acc = new Float64Array(n);
    for (let i = 0; i < k; i++) {
      const xi = x[r * k + i];
      if (xi === 0) continue;
      const row = i * n;
      for (let j = 0; j < n; j++) acc[j] += xi * w[row + j];
    }
    for (let j = 0; j < n; j++) out[r * n + j] = acc[j] + bias.values[j];
  }
  return out;
}

const { train } = await loadMnist();
const size = train.x.length / train.n;
console.log(
  `| checkpoint | gradient at the logits | products of dW = hᵀ·dy | backpropagated dx |\n| --- | ---: | ---: | ---: |`,
);
for (const dir of positionals) {
  const dense = loadDense(dir);
  const counts = { dy: [0, 0], products: [0, 0], dx: [0, 0] };
  for (let start = 0; start < images; start += BATCH) {
    const x = Float32Array.from({ length: BATCH * size }, (_, i) => train.x[start * size + i]);
    const labels = Array.from({ length: BATCH }, (_, i) => train.y[start + i]);
    const activations = [x];
    const preActivations = [];
    let width = size;
    dense.forEach(({ kernel, bias }, i) => {
      const z = affine(activations.at(-1), BATCH, width, kernel, bias);
      width = kernel.shape[1];
      preActivations.push(z);
      activations.push(i === dense.length - 1 ? z : z.map((v) => (v > 0 ? v : Math.fround(ALPHA * v))));
    });
    // d(mean cross-entropy)/d(logits) = (softmax - one-hot) / batch
    const classes = width;
    let dy = new Float32Array(BATCH * classes);
    for (let r = 0; r < BATCH; r++) {
      const logits = activations.at(-1).subarray(r * classes, (r + 1) * classes);
      const max = Math.max(...logits);
      const exps = Array.from(logits, (v) => Math.exp(v - max));
      const sum = exps.reduce((a, b) => a + b, 0);
      for (let j = 0; j < classes; j++)
        dy[r * classes + j] = (Math.fround(exps[j] / sum) - (j === labels[r] ? 1 : 0)) / BATCH;
    }
    for (const v of dy) counts.dy[isSubnormal(v) ? 0 : 1] += 1;
    for (let i = dense.length - 1; i >= 0; i--) {
      const { kernel } = dense[i];
      const [k, n] = kernel.shape;
      const h = activations[i];
      for (let r = 0; r < BATCH; r++)
        for (let a = 0; a < k; a++) {
          const hv = h[r * k + a];
          for (let b = 0; b < n; b++) counts.products[isSubnormal(Math.fround(hv * dy[r * n + b])) ? 0 : 1] += 1;
        }
      if (i === 0) break;
      // dx = dy·Wᵀ, then through LeakyReLU
      const dx = new Float32Array(BATCH * k);
      const w = kernel.values;
      for (let r = 0; r < BATCH; r++)
        for (let a = 0; a < k; a++) {
          let acc = 0;
          for (let b = 0; b < n; b++) acc += dy[r * n + b] * w[a * n + b];
          dx[r * k + a] = acc;
        }
      for (const v of dx) counts.dx[isSubnormal(v) ? 0 : 1] += 1;
      const z = preActivations[i - 1];
      dy = dx.map((v, j) => (z[j] > 0 ? v : Math.fround(ALPHA * v)));
    }
  }
  const share = ([sub, other]) => `${sub} of ${sub + other} (${((100 * sub) / (sub + other)).toFixed(3)}%)`;
  console.log(`| ${dir} | ${share(counts.dy)} | ${share(counts.products)} | ${share(counts.dx)} |`);
}
