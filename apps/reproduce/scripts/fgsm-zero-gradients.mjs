// How many test images FGSM cannot move because their input gradient is exactly zero: a confident
// model's softmax saturates in float32 (p = 1 for the true class, 0 for the others), so the gradient
// of its cross-entropy vanishes and sign(0) = 0 leaves the image unchanged ("gradient masking").
// Reads the 12-D models listed in <out>/results/bottleneck-12d.json from <out>/.reproduce-cache (so
// after the run that wrote them, on the same machine). Usage, after a build:
//   node apps/reproduce/scripts/fgsm-zero-gradients.mjs [--out <dir>]   (default: the repository root)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fgsmExamples, initBackend } from '@manifold-mixup/mixup-core';
import { buildModel } from '../dist/build-model.js';
import { loadData } from '../dist/load-data.js';

const { values } = parseArgs({
  options: { out: { type: 'string', default: fileURLToPath(new URL('../../../', import.meta.url)) } },
});
const results = JSON.parse(readFileSync(join(values.out, 'results', 'bottleneck-12d.json'), 'utf8'));
await initBackend(results.models[0].runs[0].config.backend, { threads: 1 });
const data = await loadData(results.models[0].runs[0].config.data);
const size = data.test.x.length / data.test.n;
console.log(`| model | test images with a zero input gradient (seeds ${results.seeds.join(', ')}) |\n| --- | ---: |`);
for (const m of results.models) {
  const shares = [];
  for (const run of m.runs) {
    const model = buildModel(run.config);
    try {
      await model.load(join(values.out, '.reproduce-cache', run.configHash, 'checkpoint'));
      const moved = fgsmExamples(model, data.test, 0.1, { clip: null });
      let still = 0;
      for (let i = 0; i < data.test.n; i++) {
        let same = true;
        for (let j = i * size; j < (i + 1) * size && same; j++) same = moved[j] === data.test.x[j];
        if (same) still++;
      }
      shares.push(still / data.test.n);
    } finally {
      model.dispose();
    }
  }
  const mean = (100 * shares.reduce((a, b) => a + b, 0)) / shares.length;
  console.log(
    `| ${m.label} | ${shares.map((x) => `${(100 * x).toFixed(1)}%`).join(', ')} (mean ${mean.toFixed(1)}%) |`,
  );
}
