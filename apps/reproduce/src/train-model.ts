import { makeGrid } from '@manifold-mixup/analysis';
import { fgsmAccuracy, initBackend, probabilityGradientNorms } from '@manifold-mixup/mixup-core';
import { activationIndex, buildModel } from './build-model.js';
import { checkpointDir, writeOutputs } from './cache.js';
import { loadData, perClass } from './load-data.js';
import type { BackendChoice } from './args.js';
import type { JobMessage, WorkerMessage } from './worker-messages.js';

type Arrays = Record<string, { data: Float32Array | Uint8Array; rows: number; cols: number }>;

/**
 * Trains one model (resuming from its last epoch checkpoint if there is one), computes everything the
 * analysis needs, and writes it to the cache atomically. Runs inside a worker process.
 */
export async function trainModel(
  { job, hash, cacheRoot }: JobMessage,
  post: (message: WorkerMessage) => void,
): Promise<void> {
  const started = performance.now();
  const backend = await initBackend(job.backend as BackendChoice, { threads: 1 });
  if (backend.name !== job.backend)
    throw new Error(`worker: asked for backend '${job.backend}', got '${backend.name}'`);
  const data = await loadData(job.data);
  const model = buildModel(job);
  try {
    const history = await model.fit(data.train, {
      epochs: job.training.epochs,
      batchSize: job.training.batchSize,
      learningRate: job.training.learningRate,
      lrSchedule: job.training.lrSchedule,
      validation: data.validation,
      seed: job.seed,
      checkpointDir: checkpointDir(cacheRoot, hash),
      onBatchEnd: (info) => post({ type: 'batch', ...info }),
      onEpochEnd: (record) => post({ type: 'epoch', record }),
    });
    const numClasses = data.test.numClasses;
    const arrays: Arrays = {};
    arrays.testProbabilities = {
      data: await model.predict(data.test.x),
      rows: data.test.n,
      cols: numClasses,
    };
    arrays.testLabels = { data: Uint8Array.from(data.test.y), rows: data.test.n, cols: 1 };
    if (job.outputs.grid) {
      const { extent, resolution } = job.outputs.grid;
      const grid = makeGrid({ xMin: -extent, xMax: extent, yMin: -extent, yMax: extent }, resolution);
      const cells = grid.nx * grid.ny;
      arrays.gridProbabilities = { data: await model.predict(grid.points), rows: cells, cols: numClasses };
    }
    if (job.outputs.validationProbabilities) {
      const { x, y, n } = data.validation;
      arrays.validationProbabilities = { data: await model.predict(x), rows: n, cols: numClasses };
      arrays.validationLabels = { data: Uint8Array.from(y), rows: n, cols: 1 };
    }
    if (job.outputs.probabilityGradient) {
      const norms = await probabilityGradientNorms(model, data.test.x, job.outputs.probabilityGradient);
      arrays.testProbabilityGradientNorms = { data: norms, rows: data.test.n, cols: 1 };
    }
    if (job.outputs.trainingPointsPerClass !== undefined) {
      const points = perClass(data.train, job.outputs.trainingPointsPerClass, job.seed);
      arrays.trainingPoints = { data: points.x, rows: points.n, cols: 2 };
      arrays.trainingPointLabels = { data: points.y, rows: points.n, cols: 1 };
    }
    if (job.outputs.codes) {
      const set = perClass(data.train, job.outputs.codes.perClass, job.seed);
      const codes = await model.activations(set.x, activationIndex(job, job.outputs.codes.denseIndex));
      arrays.codes = { data: Float32Array.from(codes.values), rows: codes.rows, cols: codes.cols };
      arrays.codeLabels = { data: set.y, rows: set.n, cols: 1 };
    }
    const fgsm = job.outputs.fgsm
      ? fgsmAccuracy(model, data.test, { epsilons: job.outputs.fgsm.epsilons, clip: job.outputs.fgsm.clip })
      : undefined;
    const seconds = trainingSeconds((performance.now() - started) / 1000, history.epochs, history.resumedEpochs ?? 0);
    await writeOutputs(cacheRoot, hash, { history: history.epochs, backend: backend.name, seconds, fgsm }, arrays);
    post({ type: 'done', seconds });
  } finally {
    model.dispose();
  }
}

/**
 * A model's training time over every process that trained it: this process's wall time plus the
 * recorded time of the epochs it resumed from a checkpoint (earlier processes' setup is not counted).
 */
export function trainingSeconds(
  processSeconds: number,
  history: readonly { seconds: number }[],
  resumedEpochs: number,
): number {
  if (!Number.isInteger(resumedEpochs) || resumedEpochs < 0 || resumedEpochs > history.length) {
    throw new Error(
      `trainingSeconds: resumedEpochs must be an integer in [0, ${history.length}], found ${resumedEpochs}`,
    );
  }
  return history.slice(0, resumedEpochs).reduce((sum, epoch) => sum + epoch.seconds, processSeconds);
}
