// The program scripts/pack-install-test.mjs runs in a fresh folder where it installed the packed packages as the
// root README's Install section says, after the README's own Example: the optional packages (analysis, viz) with
// the core, on tiny two-spirals data, one epoch. It proves that the published packages load and work together
// (wasm backend, training, evaluation, analysis, a figure), not that the model learns, so its checks are sanity
// bounds. Its last line is a JSON summary for the test to print.
import { initBackend, ManifoldMixupModel } from '@manifold-mixup/mixup-core';
import { trainValidationTestSplit, twoSpirals } from '@manifold-mixup/datasets';
import { calibration, confidenceStatistics, makeGrid } from '@manifold-mixup/analysis';
import { confidenceMaps } from '@manifold-mixup/viz';
import { layers } from '@tensorflow/tfjs-layers';

function check(ok, expected, found) {
  if (!ok) throw new Error(`pack-install example: expected ${expected}, found ${JSON.stringify(found)}`);
}
const isProbability = (p) => Number.isFinite(p) && p >= 0 && p <= 1;

// One thread: no worker pool to start, and the test shares the machine with whatever else runs.
const backend = await initBackend('wasm', { threads: 1 });
check(backend.name === 'wasm', "the 'wasm' backend", backend);

const spirals = twoSpirals({ pointsPerClass: 150, seed: 0 });
const { train, validation, test } = trainValidationTestSplit(spirals, {
  testFraction: 0.2,
  validationFraction: 0.1,
  seed: 0,
});
// [layer, eligible]: the activations entering the middle layer may be mixed.
const model = new ManifoldMixupModel({
  layers: [
    [layers.dense({ units: 16, activation: 'relu' }), false],
    [layers.dense({ units: 16, activation: 'relu' }), true],
    [layers.dense({ units: 2, activation: 'softmax' }), false],
  ],
  inputShape: [2],
  numClasses: 2,
  alpha: 1,
  seed: 0,
});

const history = await model.fit(train, { epochs: 1, batchSize: 32, validation });
const epoch = history.epochs[0];
check(history.epochs.length === 1, 'one epoch in the history', history.epochs.length);
check(Number.isFinite(epoch.loss) && epoch.loss > 0, 'a finite positive training loss', epoch.loss);
check(isProbability(epoch.valAccuracy), 'a validation accuracy in [0, 1]', epoch.valAccuracy);

const metrics = await model.evaluate(test);
check(metrics.n === test.n, `evaluate's n = ${test.n}`, metrics.n);
check(isProbability(metrics.accuracy), 'a test accuracy in [0, 1]', metrics.accuracy);
check(Number.isFinite(metrics.nll) && metrics.nll > 0, 'a finite positive test NLL', metrics.nll);

// analysis on the model's probabilities must agree with evaluate (up to one tie in the argmax).
const probabilities = await model.predict(test.x);
const calibrated = calibration(probabilities, test.y, 2);
check(
  Math.abs(calibrated.accuracy - metrics.accuracy) <= 1 / test.n,
  `calibration().accuracy = evaluate().accuracy = ${metrics.accuracy}`,
  calibrated.accuracy,
);

const grid = makeGrid({ xMin: -15, xMax: 15, yMin: -15, yMax: 15 }, 24);
const gridProbabilities = await model.predict(grid.points);
const confidence = confidenceStatistics(gridProbabilities, 2, grid);
check(isProbability(confidence.lowConfidenceFraction), 'a low-confidence share in [0, 1]', confidence);
check(
  confidence.meanEntropy >= 0 && confidence.meanEntropy <= Math.LN2 + 1e-6,
  'a mean entropy in [0, ln 2]',
  confidence,
);

const svg = confidenceMaps([
  {
    title: 'after one epoch',
    grid,
    probability: gridProbabilities.filter((_, i) => i % 2 === 1),
    points: { x: train.x, labels: train.y },
  },
]);
check(svg.startsWith('<svg') && svg.trimEnd().endsWith('</svg>'), 'a standalone SVG string', svg.slice(0, 40));
model.dispose();

console.log(
  JSON.stringify({
    backend: backend.name,
    tfjs: backend.tfjsVersion,
    loss: epoch.loss,
    testAccuracy: metrics.accuracy,
    testNll: metrics.nll,
    ece: calibrated.ece,
    lowConfidenceFraction: confidence.lowConfidenceFraction,
    svgBytes: svg.length,
  }),
);
