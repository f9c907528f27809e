// Renders every figure from synthetic, seeded data to examples/*.svg and examples/*.png (the README's pictures).
// Run after `pnpm build`: `pnpm examples`. The data are made up to exercise the figures; they are not results.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '@manifold-mixup/datasets';
import {
  confidenceMaps,
  scatterPlots,
  spectraSmallMultiples,
  reliabilityDiagram,
  groupedBarChart,
  claimsAtAGlance,
  intervalCurves,
  svgToPng,
} from '../dist/index.js';

const outDir = fileURLToPath(new URL('../examples/', import.meta.url));
mkdirSync(outDir, { recursive: true });

const rng = mulberry32(7);
const gauss = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());

function write(name, svg, width) {
  const svgPath = `${outDir}${name}.svg`;
  writeFileSync(svgPath + '.tmp', svg);
  renameSync(svgPath + '.tmp', svgPath);
  const png = svgToPng(svg, { width });
  writeFileSync(`${outDir}${name}.png.tmp`, png);
  renameSync(`${outDir}${name}.png.tmp`, `${outDir}${name}.png`);
  console.log(`${name}: svg ${(svg.length / 1024).toFixed(1)} KiB, png ${(png.length / 1024).toFixed(1)} KiB`);
}

// Two spirals and a made-up classifier whose sharpness k stands in for baseline (sharp) vs mixup (soft).
const n = 600;
const spiral = new Float32Array(4 * n);
const spiralLabels = new Uint8Array(2 * n);
for (let i = 0; i < n; i++) {
  const t = Math.sqrt(rng()) * 3 * Math.PI;
  for (let c = 0; c < 2; c++) {
    const s = c === 0 ? 1 : -1;
    const k = 2 * (2 * i + c);
    spiral[k] = s * (-Math.cos(t) * t) + gauss() * 0.5 + 0;
    spiral[k + 1] = s * (Math.sin(t) * t) + gauss() * 0.5;
    spiralLabels[2 * i + c] = c;
  }
}
const grid = { xMin: -12, xMax: 12, yMin: -12, yMax: 12, nx: 121, ny: 121 };
function field(sharpness) {
  const p = new Float32Array(grid.nx * grid.ny);
  for (let j = 0; j < grid.ny; j++) {
    for (let i = 0; i < grid.nx; i++) {
      // cell centres, as analysis' makeGrid samples them
      const x = grid.xMin + ((i + 0.5) * (grid.xMax - grid.xMin)) / grid.nx;
      const y = grid.yMin + ((j + 0.5) * (grid.yMax - grid.yMin)) / grid.ny;
      const r = Math.hypot(x, y);
      const arm = Math.cos(Math.atan2(y, -x) - r); // +1 on class 0's arm, -1 on class 1's
      p[j * grid.nx + i] = 1 / (1 + Math.exp(sharpness * arm));
    }
  }
  return p;
}
const points = { x: spiral, labels: spiralLabels };
write(
  'confidence-maps',
  confidenceMaps(
    [
      { title: 'Baseline', grid, probability: field(6), points },
      { title: 'Manifold mixup', grid, probability: field(1.6), points },
    ],
    { title: 'Two spirals: P(class 1) over the input space (synthetic example)' },
  ),
  1100,
);

// Bottleneck-like codes: 10 digits, 250 points each; "baseline" streaks along rays, "mixup" tight clusters.
function codes(tight) {
  const perClass = 250;
  const x = new Float32Array(2 * 10 * perClass);
  const labels = new Uint8Array(10 * perClass);
  for (let i = 0; i < 10 * perClass; i++) {
    const c = i % 10; // interleaved, as a shuffled data set would be
    const angle = (2 * Math.PI * c) / 10 + 0.3;
    const along = tight ? 8 + gauss() * 0.6 : 2 + Math.abs(gauss()) * 6;
    const across = gauss() * (tight ? 0.6 : 0.5);
    x[2 * i] = Math.cos(angle) * along - Math.sin(angle) * across;
    x[2 * i + 1] = Math.sin(angle) * along + Math.cos(angle) * across;
    labels[i] = c;
  }
  return { codes: x, labels };
}
write(
  'scatter-plots',
  scatterPlots(
    [
      { title: 'Baseline', ...codes(false) },
      { title: 'Manifold mixup', ...codes(true) },
    ],
    {
      title: 'MNIST 2-D bottleneck codes, 250 points per digit (synthetic example)',
      xLabel: 'code 1',
      yLabel: 'code 2',
    },
  ),
  1100,
);

// Per-class spectra of 12-D codes: the baseline spreads variance over many directions, mixup concentrates it.
function spectra(decay, scale) {
  return Array.from({ length: 10 }, (_, label) => ({
    label,
    singularValues: Array.from(
      { length: 12 },
      (_, k) => scale * (k === 0 ? 1 + 0.2 * rng() : (0.2 + 0.05 * rng()) * Math.exp(-decay * k)),
    ),
  }));
}
const spectraSeries = [
  { model: 'baseline', perClass: spectra(0.15, 3000) },
  { model: 'input mixup', perClass: spectra(0.25, 1700) },
  { model: 'manifold mixup', perClass: spectra(0.6, 1000) },
];
write(
  'spectra',
  spectraSmallMultiples(spectraSeries, {
    title: 'Singular values of 12-D bottleneck codes per digit (synthetic example)',
    classNames: Array.from({ length: 10 }, (_, i) => `digit ${i}`),
  }),
  1100,
);
write(
  'spectra-log',
  spectraSmallMultiples(
    spectraSeries.map((s) => ({ ...s, perClass: s.perClass.slice(0, 4) })),
    {
      title: 'Same spectra, log scale, digits 0-3 (synthetic example)',
      yScale: 'log',
      classNames: Array.from({ length: 10 }, (_, i) => `digit ${i}`),
    },
  ),
  1000,
);

// Calibration bins of an overconfident and a better calibrated model.
function bins(shift) {
  return Array.from({ length: 10 }, (_, k) => {
    const lower = k / 10,
      upper = (k + 1) / 10;
    const confidence = lower + 0.05 + (rng() - 0.5) * 0.02;
    const count =
      k < 4 ? (k < 2 ? 0 : Math.round(20 + 30 * rng())) : Math.round(40 * Math.exp(k / 1.6) * (0.8 + 0.4 * rng()));
    return {
      lower,
      upper,
      confidence,
      accuracy: Math.max(0, Math.min(1, confidence - shift * (1 - confidence) * 2 + (rng() - 0.5) * 0.04)),
      count,
    };
  });
}
const calibrationModels = [
  { model: 'baseline', bins: bins(0.3), ece: 0.071 },
  { model: 'manifold mixup', bins: bins(0.05), ece: 0.018 },
];
write(
  'reliability-diagram',
  reliabilityDiagram(calibrationModels, { title: 'Calibration on the test set (synthetic example)' }),
  1000,
);
write(
  'grouped-bar-chart',
  groupedBarChart(
    {
      groups: ['test accuracy', 'test NLL', 'ECE'],
      series: [
        { name: 'baseline', values: [0.981, 0.092, 0.071] },
        { name: 'input mixup', values: [0.984, 0.071, 0.032] },
        { name: 'manifold mixup', values: [0.986, 0.058, 0.018] },
      ],
    },
    { title: 'MNIST metrics by model (synthetic example)' },
  ),
  900,
);

// Five seeds per model: bars are the means, dots the seeds.
const seedsAround = (mean, spread) => Array.from({ length: 5 }, () => mean + (rng() - 0.5) * 2 * spread);
const seededSeries = [
  ['baseline', [0.981, 0.092, 0.071]],
  ['input mixup', [0.984, 0.071, 0.032]],
  ['manifold mixup', [0.986, 0.058, 0.018]],
].map(([name, means]) => {
  const points = means.map((m) => seedsAround(m, m > 0.5 ? 0.002 : 0.01));
  return { name, values: points.map((p) => p.reduce((a, b) => a + b, 0) / p.length), points };
});
write(
  'grouped-bar-chart-seeds',
  groupedBarChart(
    { groups: ['test accuracy', 'test NLL', 'ECE'], series: seededSeries },
    { title: 'MNIST metrics, 5 seeds (synthetic example)', format: (v) => v.toFixed(3) },
  ),
  900,
);

// Accuracy under FGSM against epsilon: mean and 95% interval over 5 seeds.
const epsilons = [0, 0.05, 0.1, 0.15, 0.2, 0.3];
function attackSeries(name, robustness) {
  const mean = epsilons.map((e) => 0.985 * Math.exp(-e / robustness));
  const half = epsilons.map((e) => 0.004 + 0.08 * e * (0.8 + 0.4 * rng()));
  return {
    name,
    x: epsilons,
    mean,
    low: mean.map((m, k) => Math.max(0, m - half[k])),
    high: mean.map((m, k) => Math.min(1, m + half[k])),
  };
}
write(
  'interval-curves',
  intervalCurves([attackSeries('baseline', 0.08), attackSeries('manifold mixup', 0.16)], {
    title: 'Accuracy under FGSM over 5 seeds (synthetic example)',
    xLabel: 'ε (L∞ perturbation)',
    yLabel: 'test accuracy',
    yDomain: [0, 1],
  }),
  900,
);

// The claims of the paper as paired effects over 5 seeds (made-up numbers spanning the three verdicts).
function claim(group, label, unit, center, spread, verdict) {
  const perSeed = Array.from({ length: 5 }, () => center + (rng() - 0.5) * 2 * spread);
  const mean = perSeed.reduce((a, b) => a + b, 0) / perSeed.length;
  const sd = Math.sqrt(perSeed.reduce((a, v) => a + (v - mean) ** 2, 0) / (perSeed.length - 1));
  const half = (2.776 * sd) / Math.sqrt(perSeed.length); // t(0.975, 4 degrees of freedom)
  return { group, label, unit, mean, low: mean - half, high: mean + half, perSeed, verdict };
}
write(
  'claims-at-a-glance',
  claimsAtAGlance(
    [
      claim('two spirals', 'wider low-confidence band between the arms', 'share of grid', 0.11, 0.04, 'supported'),
      claim('two spirals', 'lower confidence far from the data', 'mean P', 0.004, 0.03, 'inconclusive'),
      claim('MNIST bottleneck', 'flatter class-conditional spectra', 'σ₂/σ₁', -0.05, 0.02, 'contradicted'),
      claim('MNIST bottleneck', 'lower test NLL', 'nats', 0.021, 0.006, 'supported'),
      claim('MNIST bottleneck', 'higher accuracy under FGSM at ε = 0.1', 'accuracy', 0.09, 0.05, 'supported'),
    ],
    { title: 'Claims at a glance, 5 seeds (synthetic example)' },
  ),
  900,
);
