// The second page: mixup-core's README conv nets (its networks.ts example, bundled from the README as
// written) trained with Manifold Mixup on tiny synthetic images, on wasm when it has the conv training
// kernels and on cpu otherwise, as the README's example chooses; the residual net is then exported,
// saved to IndexedDB and loaded back. It reports on window.__result (or window.__failure).
import { initBackend, ManifoldMixupModel, type LabeledSet } from '@manifold-mixup/mixup-core';
import { mulberry32 } from '@manifold-mixup/random';
import * as tf from '@tensorflow/tfjs-core';
import { loadLayersModel } from '@tensorflow/tfjs-layers';
import { preActResNet, simpleConvnet } from 'mixup-core-readme:networks.ts';
import { report } from './report.js';

export interface ConvNetsResult {
  backend: string;
  /** Why the nets trained on cpu ('' when they trained on the default backend). */
  cpuReason: string;
  convnet: Training;
  resnet: Training & {
    /** Largest |p| difference between predict and its toLayersModel() saved to IndexedDB and loaded back. */
    exportMaxDifference: number;
  };
}

interface Training {
  /** The loss of the first batch, at the initial weights. */
  firstBatchLoss: number;
  /** Per epoch. */
  losses: number[];
  /** On images it did not train on. */
  accuracy: number;
}

/**
 * n size x size images of three classes, told apart by a stripe through a random row (0), a random
 * column (1) or the main diagonal (2), on faint noise; shaped [size, size, 1] for the conv nets.
 */
function stripes(n: number, size: number, seed: number): LabeledSet {
  const random = mulberry32(seed);
  const x = new Float32Array(n * size * size).map(() => 0.4 * random());
  const y = Uint8Array.from({ length: n }, (_, i) => i % 3);
  y.forEach((label, i) => {
    const line = Math.floor(random() * size);
    for (let k = 0; k < size; k++) {
      const [row, col] = label === 0 ? [line, k] : label === 1 ? [k, line] : [k, k];
      x[i * size * size + row * size + col] += 1;
    }
  });
  return { x, y, n, shape: [size, size, 1], numClasses: 3 };
}

/** `build()` with Math.random, which tfjs' initialisers draw from, seeded: the same weights on every run. */
function seeded<T>(seed: number, build: () => T): T {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    return build();
  } finally {
    Math.random = original;
  }
}

async function train(model: ManifoldMixupModel, size: number, epochs: number): Promise<Training> {
  let firstBatchLoss = Number.NaN;
  const history = await model.fit(stripes(60, size, 1), {
    epochs,
    batchSize: 12,
    learningRate: 0.01,
    onBatchEnd: ({ epoch, step, loss }) => {
      if (epoch === 1 && step === 1) firstBatchLoss = loss;
    },
  });
  const { accuracy } = await model.evaluate(stripes(30, size, 2));
  return { firstBatchLoss, losses: history.epochs.map((e) => e.loss), accuracy };
}

async function main(): Promise<ConvNetsResult> {
  // No wasmPaths: the binaries come from beside tfjs-wasm-training's module, where the build put them.
  await initBackend('auto');
  // The README's choice: tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter, the kernel conv training needs.
  const missing = tf.getKernel('Conv2DBackpropFilter', tf.getBackend()) == null;
  const cpuReason = missing ? `no Conv2DBackpropFilter kernel on ${tf.getBackend()}` : '';
  if (missing) await initBackend('cpu');

  const convnetModel = ManifoldMixupModel.fromLayersModel(
    seeded(1, () => simpleConvnet(12, [4, 8], 3)),
    {
      mixAt: ['input', 'pool1', 'pool2'],
      seed: 1,
    },
  );
  const convnet = await train(convnetModel, 12, 10);
  convnetModel.dispose();

  const resnetModel = ManifoldMixupModel.fromLayersModel(
    seeded(2, () => preActResNet(8, 4, 3)),
    {
      mixAt: ['input', 'block1', 'block2'],
      alpha: 2,
      seed: 2,
    },
  );
  const resnet = await train(resnetModel, 8, 6);
  const test = stripes(30, 8, 3);
  const probabilities = await resnetModel.predict(test.x);
  const exported = resnetModel.toLayersModel();
  await exported.save('indexeddb://browser-test-resnet');
  const reloaded = await loadLayersModel('indexeddb://browser-test-resnet');
  const reloadedP = tf.tidy(
    () => (reloaded.predict(tf.tensor4d(test.x, [test.n, 8, 8, 1])) as tf.Tensor).dataSync() as Float32Array,
  );
  const exportMaxDifference = reloadedP.reduce((worst, p, i) => Math.max(worst, Math.abs(p - probabilities[i])), 0);
  for (const m of [exported, reloaded, resnetModel]) m.dispose();
  return { backend: tf.getBackend(), cpuReason, convnet, resnet: { ...resnet, exportMaxDifference } };
}

report(main());
