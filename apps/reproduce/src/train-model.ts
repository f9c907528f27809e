import { makeGrid } from '@manifold-mixup/analysis';
import { subset, type LabeledSet } from '@manifold-mixup/datasets';
import {
  adversarialAccuracy,
  fgsmAccuracy,
  initBackend,
  probabilityGradientNorms,
  type AdversarialPoint,
  type ManifoldMixupModel,
} from '@manifold-mixup/mixup-core';
import { activationIndex, buildModel } from './build-model.js';
import { checkpointDir, writeOutputs, type ModelOutputs } from './cache.js';
import { deformations, deformSet } from './deformed-sets.js';
import { classSpectra } from './hidden-spectra.js';
import { loadData, perClass } from './load-data.js';
import type { ModelJob } from './model-job.js';
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
      // null (a constant rate) is fit's undefined.
      lrSchedule: job.training.lrSchedule ?? undefined,
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
    if (job.outputs.hiddenSpectra) {
      const index = activationIndex(job, job.outputs.hiddenSpectra.denseIndex);
      const h = await model.activations(data.test.x, index);
      const m = { values: h.values, rows: h.rows, cols: h.cols };
      for (const [name, centered] of [
        ['hiddenSpectra', false],
        ['hiddenSpectraCentred', true],
      ] as const)
        arrays[name] = { data: classSpectra(m, data.test.y, numClasses, centered), rows: numClasses, cols: h.cols };
    }
    const fgsm = job.outputs.fgsm
      ? fgsmAccuracy(model, data.test, { epsilons: job.outputs.fgsm.epsilons, clip: job.outputs.fgsm.clip })
      : undefined;
    const attacks = job.outputs.attacks ? attackOutputs(model, data.test, job.outputs.attacks) : undefined;
    const deformed = job.outputs.deformations
      ? await deformedAccuracy(model, data.test, job.outputs.deformations)
      : undefined;
    const seconds = trainingSeconds((performance.now() - started) / 1000, history.epochs, history.resumedEpochs ?? 0);
    await writeOutputs(
      cacheRoot,
      hash,
      {
        history: history.epochs,
        backend: backend.name,
        seconds,
        fgsm,
        ...(attacks ? { attacks } : {}),
        ...(deformed ? { deformations: deformed } : {}),
      },
      arrays,
    );
    post({ type: 'done', seconds });
  } finally {
    model.dispose();
  }
}

/** What `adversarialAccuracy` returns, as the cache stores it. */
function attackRecords(points: AdversarialPoint[]): NonNullable<ModelOutputs['attacks']>['fgsm'] {
  return points.map(({ epsilon, accuracy, n, zeroGradientShare }) => ({ epsilon, accuracy, n, zeroGradientShare }));
}

/** Margin-loss FGSM on the whole test set and PGD on its first `pgd.limit` images (OutputSpec.attacks). */
function attackOutputs(
  model: ManifoldMixupModel,
  test: LabeledSet,
  spec: NonNullable<ModelJob['outputs']['attacks']>,
): NonNullable<ModelOutputs['attacks']> {
  const { epsilons, clip, pgd } = spec;
  const limit = Math.min(pgd.limit, test.n);
  const head = subset(
    test,
    Array.from({ length: limit }, (_, i) => i),
  );
  return {
    fgsm: attackRecords(adversarialAccuracy(model, test, { attack: 'fgsm', loss: 'margin', epsilons, clip })),
    pgd: attackRecords(
      adversarialAccuracy(model, head, {
        attack: 'pgd',
        loss: 'margin',
        epsilons,
        clip,
        steps: pgd.steps,
        seed: pgd.seed,
      }),
    ),
  };
}

/** Test accuracy on each deformed copy of the test set (OutputSpec.deformations), one copy alive at a time. */
async function deformedAccuracy(
  model: ManifoldMixupModel,
  test: LabeledSet,
  spec: NonNullable<ModelJob['outputs']['deformations']>,
): Promise<NonNullable<ModelOutputs['deformations']>> {
  const out: NonNullable<ModelOutputs['deformations']> = [];
  for (const deformation of deformations(spec)) {
    const { accuracy } = await model.evaluate(deformSet(test, deformation));
    out.push({ name: deformation.name, accuracy, n: test.n });
  }
  return out;
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
