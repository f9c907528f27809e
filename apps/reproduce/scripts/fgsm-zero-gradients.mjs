// How many test images FGSM cannot move because their input gradient is exactly zero: a confident
// model's softmax saturates in float32 (p = 1 for the true class, 0 for the others), so the gradient of
// its cross-entropy vanishes and sign(0) = 0 leaves the image unchanged ("gradient masking").
// Reads the 12-D models of the default profile from <out>/.reproduce-cache (after `pnpm turbo run
// reproduce` and a build). Usage: node scripts/fgsm-zero-gradients.mjs [--out <dir>] [--seeds 0,1,2,3,4]
import { parseArgs } from 'node:util';
import { fgsmExamples, initBackend } from '@manifold-mixup/mixup-core';
import { buildModel } from '../dist/build-model.js';
import { codeFingerprint } from '../dist/code-fingerprint.js';
import { configHash } from '../dist/config-hash.js';
import { loadData } from '../dist/load-data.js';
import { allJobs, planRun } from '../dist/run.js';

const { values } = parseArgs({
  options: { out: { type: 'string', default: '../..' }, seeds: { type: 'string', default: '0,1,2,3,4' } },
});
const seeds = values.seeds.split(',').map(Number);
const backend = await initBackend('wasm', { threads: 1 });
const plan = planRun('default', ['bottleneck-12d'], seeds, backend.name, codeFingerprint());
const data = await loadData(allJobs(plan)[0].data);
const size = data.test.x.length / data.test.n;
const shares = new Map();
for (const job of allJobs(plan)) {
  const model = buildModel(job);
  try {
    await model.load(`${values.out}/.reproduce-cache/${configHash(job)}/checkpoint`);
    const moved = fgsmExamples(model, data.test, 0.1, { clip: null });
    let still = 0;
    for (let i = 0; i < data.test.n; i++) {
      let same = true;
      for (let j = i * size; j < (i + 1) * size && same; j++) same = moved[j] === data.test.x[j];
      if (same) still++;
    }
    shares.set(job.label, [...(shares.get(job.label) ?? []), still / data.test.n]);
  } finally {
    model.dispose();
  }
}
console.log(`| model | test images with a zero input gradient (seeds ${seeds.join(', ')}) |\n| --- | ---: |`);
for (const [label, s] of shares)
  console.log(
    `| ${label} | ${s.map((x) => `${(100 * x).toFixed(1)}%`).join(', ')} (mean ${((100 * s.reduce((a, b) => a + b, 0)) / s.length).toFixed(1)}%) |`,
  );
