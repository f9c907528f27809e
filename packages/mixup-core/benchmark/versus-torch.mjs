// Training throughput against PyTorch on the same CPU, interleaved: for each round and model, our
// benchmark (wasm) then benchmark/torch_ref.py, each in a fresh process, and the ratio of the
// pair. Shared machines drift 2x within minutes, so only ratios of neighbouring runs mean much.
// Usage: node benchmark/versus-torch.mjs [--rounds=3] [--seconds=8] [--models=bottleneck12,spiral,convnet]
// [--threads=1 --cpu] (both engines on one thread, compared by CPU time per step instead of samples/s:
//   a busy shared machine stretches wall-clock time, PyTorch's on 2 threads most, and CPU time barely)
// PyTorch: Debian's python3-torch (apt-get install -y python3-torch libopenblas0-pthread); without
// it the script says so and prints our rates alone.
import { execFileSync, spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const rounds = Number(args.get('rounds') ?? 3);
const seconds = Number(args.get('seconds') ?? 8);
const models = (args.get('models') ?? 'bottleneck12,spiral,convnet').split(',');
const threads = args.get('threads');
const cpu = args.has('cpu');
if (cpu && threads !== '1') throw new Error(`--cpu: compares one thread each; add --threads=1 (found ${threads})`);
const TORCH_NAME = { bottleneck12: 'b12', spiral: 'spiral', convnet: 'convnet' };
// PyTorch's fastest setting here for each (torch_ref.py sets torch's own threads): the MLPs' products on
// 2 OpenBLAS threads; the convnet on torch's 2 threads with a 1-thread OpenBLAS (2 of each oversubscribe
// the 2 cores: 68 ms a step against 35, 2026-12-07).
const OPENBLAS_THREADS = { bottleneck12: '2', spiral: '2', convnet: '1' };
const PYTHON = '/usr/bin/python3'; // Debian's interpreter, where python3-torch lives
for (const m of models)
  if (!(m in TORCH_NAME))
    throw new Error(`--models: unknown model ${m}; expected ${Object.keys(TORCH_NAME).join(', ')}`);

const torchCheck = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
const hasTorch = torchCheck.status === 0;
if (!hasTorch) {
  console.log(
    `PyTorch not importable by ${PYTHON} (${(torchCheck.stderr || torchCheck.error?.message || '').trim().split('\n').pop()});`,
  );
  console.log('install it with: apt-get install -y python3-torch libopenblas0-pthread. Printing our rates only.');
}

function ours(model) {
  const out = execFileSync(
    process.execPath,
    [
      join(here, 'bench.mjs'),
      '--json',
      '--backends=wasm',
      `--models=${model}`,
      `--seconds=${seconds}`,
      '--no-inference',
      ...(threads == null ? [] : [`--threads=${threads}`]),
    ],
    { encoding: 'utf8' },
  );
  const line = out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .find((l) => l.model === model);
  if (line == null) throw new Error(`bench.mjs printed no result for ${model}:\n${out}`);
  return cpu ? line.trainCpuMsPerStep : line.trainSamplesPerSecond;
}

function torch(model) {
  const blas = threads === '1' ? '1' : OPENBLAS_THREADS[model];
  const out = execFileSync(PYTHON, [join(here, 'torch_ref.py'), TORCH_NAME[model]], {
    encoding: 'utf8',
    env: {
      ...process.env,
      OPENBLAS_NUM_THREADS: process.env.OPENBLAS_NUM_THREADS ?? blas,
      ...(threads == null ? {} : { TORCH_THREADS: threads }),
    },
  });
  const line = JSON.parse(out.trim().split('\n').pop());
  return cpu ? line.cpuMsPerStep : line.trainSamplesPerSec;
}

const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
};

const results = Object.fromEntries(models.map((m) => [m, { ours: [], torch: [], ratio: [] }]));
for (let round = 1; round <= rounds; round++) {
  for (const model of models) {
    const a = ours(model);
    const r = results[model];
    r.ours.push(a);
    if (hasTorch) {
      const b = torch(model);
      r.torch.push(b);
      // Ours relative to PyTorch's speed: samples/s over samples/s, or CPU time per step the other way round.
      const ratio = cpu ? b / a : a / b;
      r.ratio.push(Math.round(ratio * 1000) / 1000);
      // The load average says whether other work shared the cores during the pair.
      const load = loadavg()[0].toFixed(2);
      const unit = cpu ? 'ms of CPU a step' : 'samples/s';
      console.log(
        `round ${round} ${model}: ours ${a} ${unit}, torch ${b} ${unit}, ratio ${ratio.toFixed(3)} (load ${load})`,
      );
    } else console.log(`round ${round} ${model}: ours ${a} ${cpu ? 'ms of CPU a step' : 'samples/s'}`);
  }
}
for (const model of models) {
  const r = results[model];
  const line = { model, rounds, ours: summary(r.ours) };
  if (hasTorch) Object.assign(line, { torch: summary(r.torch), ratio: summary(r.ratio), ratios: r.ratio });
  console.log(JSON.stringify(line));
}
