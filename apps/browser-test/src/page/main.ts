// The page the browser test loads, bundled as the root README's "In a browser" says (esbuild, Vite): trains
// a small two-spirals model with Manifold Mixup on the wasm backend, whose binaries it finds with no
// wasmPaths, measures its confidence map and draws it with the page's own document. It reports on
// window.__result (or window.__failure) for the test to read; window.__backend as soon as it has one.
import { confidenceStatistics, makeGrid, perClassSingularValues, symmetricEigenvalues } from '@manifold-mixup/analysis';
import { loadMnist, parseIdx, twoSpirals } from '@manifold-mixup/datasets';
import { initBackend, ManifoldMixupModel, type EpochRecord } from '@manifold-mixup/mixup-core';
import { fusedAdam } from '@manifold-mixup/tfjs-wasm-training';
import { confidenceMaps, svgToPng } from '@manifold-mixup/viz';
import * as tf from '@tensorflow/tfjs-core';
import { callbacks, initializers, layers, loadLayersModel, sequential } from '@tensorflow/tfjs-layers';
import { report } from './report.js';

export interface PageResult {
  backend: Awaited<ReturnType<typeof initBackend>>;
  tensorflowRefusal: string;
  /** What initBackend says to threads: 2 on a page that is not cross-origin isolated. */
  threadsRefusal: string;
  epochs: EpochRecord[];
  accuracy: number;
  lowConfidenceFraction: number;
  analysisWasmKernels: boolean;
  spectrumClasses: number;
  /** What Node-only functions say in a browser (each must refuse clearly, not crash the bundle). */
  nodeOnly: Record<'save' | 'loadMnist' | 'svgToPng' | 'gzip', string>;
  /** Epoch losses of a plain tf.sequential trained with model.fit and tfjs-wasm-training's fusedAdam. */
  plainLosses: number[];
  /** Largest |p| difference between model.predict and its toLayersModel() saved to IndexedDB and loaded back. */
  exportMaxDifference: number;
  svgLength: number;
  /** fit as a tfjs user calls it (tensors, validationSplit, earlyStopping): the History's keys and epochs. */
  tfjsFit: { keys: string[]; epochs: number };
}

declare global {
  interface Window {
    /** The backend, as soon as initBackend has answered (window.__result and __failure: report.ts). */
    __backend?: PageResult['backend'];
  }
}

// ?epochs=n and ?threads=n: the test runs the page a second time, shorter, on 2 threads; ?backend-only: it
// stops once initBackend has answered (a build whose .wasm files are missing falls back to cpu).
const query = new URLSearchParams(location.search);
const EPOCHS = Number(query.get('epochs') ?? 40);
const EXTENT = 15;

async function refusal(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'no error';
}

function log(line: string): void {
  const pre = document.querySelector('#log');
  if (pre != null) pre.textContent += `${line}\n`;
}

async function main(): Promise<PageResult> {
  const tensorflowRefusal = await refusal(() => initBackend('tensorflow'));
  const threadsRefusal = crossOriginIsolated ? 'isolated' : await refusal(() => initBackend('auto', { threads: 2 }));
  const threads = Number(query.get('threads') ?? 1);
  // No wasmPaths: the binaries come from beside tfjs-wasm-training's module, where the build put them.
  const backend = await initBackend('auto', { threads });
  window.__backend = backend;
  log(`backend ${backend.name}, ${backend.threads} thread(s), ${backend.accelerations.join(', ')}`);
  if (query.has('backend-only')) return new Promise<never>(() => {});

  const data = twoSpirals({ pointsPerClass: 1000, noise: 0.9, seed: 1 });
  const hidden = (): layers.Layer => layers.dense({ units: 128, activation: 'relu' });
  const model = new ManifoldMixupModel({
    layers: [
      [hidden(), false],
      [hidden(), true],
      [hidden(), true],
      [layers.dense({ units: 2, activation: 'softmax' }), false],
    ],
    inputShape: [2],
    numClasses: 2,
    alpha: 1,
    seed: 0,
  });
  const history = await model.fit(data, {
    epochs: EPOCHS,
    batchSize: 32,
    learningRate: 3e-3,
    lrSchedule: { every: 30, factor: 0.3 },
    onEpochEnd: (record) => log(`epoch ${record.epoch}: loss ${record.loss.toFixed(4)}`),
  });
  const { accuracy } = await model.evaluate(data);

  const grid = makeGrid({ xMin: -EXTENT, xMax: EXTENT, yMin: -EXTENT, yMax: EXTENT }, 80);
  const cells = grid.nx * grid.ny;
  const probabilities = await model.predict(grid.points);
  const statistics = confidenceStatistics(probabilities, 2, grid, { threshold: 0.9 });
  const pClass1 = Float32Array.from({ length: cells }, (_, i) => probabilities[2 * i + 1]);
  const codes = await model.activations(data.x, 2);
  const spectra = perClassSingularValues(codes, data.y);

  const svg = confidenceMaps(
    [
      {
        title: `manifold mixup, ${EPOCHS} epochs in ${navigator.userAgent.includes('Chrome') ? 'Chromium' : 'a browser'}`,
        grid: { xMin: grid.xMin, xMax: grid.xMax, yMin: grid.yMin, yMax: grid.yMax, nx: grid.nx, ny: grid.ny },
        probability: pClass1,
        points: { x: data.x, labels: data.y },
      },
    ],
    { document, title: 'Two spirals: P(class 1), trained in the page', classNames: ['class 0', 'class 1'] },
  );
  const figure = document.querySelector('#figure') as HTMLElement;
  figure.innerHTML = svg;

  const gzipped = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
  const nodeOnly = {
    save: await refusal(() => model.save('checkpoints/spirals')),
    loadMnist: await refusal(() => loadMnist()),
    svgToPng: await refusal(() => svgToPng(svg)),
    gzip: await refusal(() => parseIdx(gzipped)),
  };
  // Export as a standard tf.LayersModel, save it in the browser's IndexedDB and load it back.
  const exported = model.toLayersModel();
  await exported.save('indexeddb://browser-test-spirals');
  const reloaded = await loadLayersModel('indexeddb://browser-test-spirals');
  const reloadedP = tf.tidy(
    () => (reloaded.predict(tf.tensor2d(grid.points, [cells, 2])) as tf.Tensor).dataSync() as Float32Array,
  );
  const exportMaxDifference = reloadedP.reduce((worst, p, i) => Math.max(worst, Math.abs(p - probabilities[i])), 0);
  exported.dispose();
  reloaded.dispose();
  model.dispose();
  const plainLosses = await trainPlainModel(data.x, data.y);
  const tfjsFit = await fitAsTfjs(data.x, data.y);
  log(`plain tf.sequential with fusedAdam: losses ${plainLosses.map((l) => l.toFixed(4)).join(', ')}`);
  return {
    plainLosses,
    exportMaxDifference,
    backend,
    tensorflowRefusal,
    threadsRefusal,
    epochs: history.epochs,
    accuracy,
    lowConfidenceFraction: statistics.lowConfidenceFraction,
    analysisWasmKernels: analysisWasmKernels(),
    spectrumClasses: spectra.length,
    nodeOnly,
    svgLength: svg.length,
    tfjsFit,
  };
}

/** A compiled tf.sequential wrapped and fit as tfjs' own fit is called: tensors, validationSplit, earlyStopping. */
async function fitAsTfjs(x: Float32Array, labels: ArrayLike<number>): Promise<PageResult['tfjsFit']> {
  const net = sequential({
    layers: [
      layers.dense({ inputShape: [2], units: 32, activation: 'relu', name: 'hidden' }),
      layers.dense({ units: 2, activation: 'softmax', name: 'out' }),
    ],
  });
  net.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
  const model = ManifoldMixupModel.fromSequential(net, { mixAt: ['out'], seed: 0, reinitialize: true });
  const xs = tf.tensor2d(x, [labels.length, 2]);
  const ys = tf.oneHot(tf.tensor1d(Array.from(labels), 'int32'), 2);
  const history = await model.fit(xs, ys, {
    epochs: 3,
    validationSplit: 0.2,
    verbose: 0,
    callbacks: callbacks.earlyStopping({ monitor: 'val_loss', patience: 5 }),
  });
  tf.dispose([xs, ys]);
  model.dispose();
  net.dispose();
  return { keys: Object.keys(history.history).sort(), epochs: history.epoch.length };
}

/**
 * Whether analysis' WebAssembly SIMD kernels run in this browser: it falls back to plain JS silently
 * when they do not instantiate, so the page asks for them explicitly (kernel 'wasm' throws without them).
 */
function analysisWasmKernels(): boolean {
  try {
    symmetricEigenvalues(new Float64Array([2, 1, 1, 2]), 2, 'wasm');
    return true;
  } catch (error) {
    if (error instanceof Error && error.message.includes('WebAssembly SIMD is not available')) return false;
    throw error;
  }
}

/** A plain tf.sequential (seeded) on the spirals, model.fit with fusedAdam: nothing of mixup-core. */
async function trainPlainModel(x: Float32Array, labels: ArrayLike<number>): Promise<number[]> {
  const dense = (units: number, seed: number, activation: 'relu' | 'softmax') =>
    layers.dense({ units, activation, kernelInitializer: initializers.glorotUniform({ seed }) });
  const plain = sequential({
    layers: [
      layers.inputLayer({ inputShape: [2] }),
      dense(64, 1, 'relu'),
      dense(64, 2, 'relu'),
      dense(2, 3, 'softmax'),
    ],
  });
  const optimizer = fusedAdam(3e-3);
  plain.compile({ optimizer, loss: 'categoricalCrossentropy' });
  const xs = tf.tensor2d(x, [labels.length, 2]);
  const ys = tf.oneHot(tf.tensor1d(Array.from(labels), 'int32'), 2);
  const history = await plain.fit(xs, ys, { epochs: 5, batchSize: 32, shuffle: false, verbose: 0 });
  tf.dispose([xs, ys]);
  plain.dispose();
  optimizer.dispose();
  return history.history.loss as number[];
}

report(main());
