// Times perClassSingularValues on random 50,000 x 12 and 50,000 x 1024 matrices with 10 classes.
// Run after `pnpm build`: `pnpm bench` (or `node benchmark/spectra.js [cols...]`).
import { mulberry32 } from '@manifold-mixup/random';
import { perClassSingularValues, singularValues } from '../dist/index.js';

const rows = 50_000;
const classes = 10;
const widths = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [12, 1024];

for (const cols of widths) {
  const random = mulberry32(cols);
  const values = new Float32Array(rows * cols);
  for (let i = 0; i < values.length; i++) values[i] = random() * 2 - 1;
  const labels = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) labels[i] = i % classes;
  const m = { values, rows, cols };
  const repeats = cols <= 64 ? 5 : 1;
  for (const centered of [false, true]) {
    const times = [];
    let result;
    for (let r = 0; r < repeats; r++) {
      const start = performance.now();
      result = perClassSingularValues(m, labels, { centered });
      times.push((performance.now() - start) / 1000);
    }
    const best = Math.min(...times);
    const s = result[0].singularValues;
    console.log(
      `perClassSingularValues ${rows} x ${cols}, ${classes} classes, centered=${centered}: ` +
        `best ${best.toFixed(3)} s of ${repeats} (class 0: s1=${s[0].toFixed(2)}, s_last=${s[s.length - 1].toFixed(2)})`,
    );
  }
  const start = performance.now();
  singularValues(m);
  console.log(`singularValues (all classes) ${rows} x ${cols}: ${((performance.now() - start) / 1000).toFixed(3)} s`);
}

// Where the time goes for one 5,000 x 1024 class: the Gram product and the eigenvalues, WebAssembly SIMD
// kernels against the plain-JS fallback (internal modules, imported by path).
if (widths.includes(1024)) {
  const { gramMatrix } = await import('../dist/gram.js');
  const { symmetricEigenvalues } = await import('../dist/symmetric-eigenvalues.js');
  const random = mulberry32(1);
  const cols = 1024;
  const n = 5000;
  const values = new Float32Array(n * cols).map(() => random() * 2 - 1);
  const rowIndices = Uint32Array.from({ length: n }, (_, i) => i);
  for (const kernel of ['wasm', 'js']) {
    let start = performance.now();
    const gram = gramMatrix(values, cols, rowIndices, null, kernel);
    const gramSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    symmetricEigenvalues(gram, cols, kernel);
    const eigSeconds = (performance.now() - start) / 1000;
    const gmacs = (n * cols * cols) / 2 / gramSeconds / 1e9;
    console.log(
      `one class ${n} x ${cols}, ${kernel} kernels: Gram ${gramSeconds.toFixed(2)} s (${gmacs.toFixed(2)} G multiply-adds/s), ` +
        `eigenvalues ${eigSeconds.toFixed(2)} s`,
    );
  }
}
