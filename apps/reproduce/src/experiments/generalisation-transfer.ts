import { subset } from '@manifold-mixup/datasets';
import { transferAttack, type ManifoldMixupModel } from '@manifold-mixup/mixup-core';
import type { TrainedModel } from '../analyze-common.js';
import { buildModel } from '../build-model.js';
import { checkpointDir } from '../cache.js';
import { loadData } from '../load-data.js';
import type { ModelRun, TransferRecord } from '../results.js';

/** The seed whose model crafts the examples for seed index `i` of `n`: the next one, (i + 1) mod n. */
export function sourceIndex(i: number, n: number): number {
  return (i + 1) % n;
}

/** A trained model with its final weights (the last epoch's checkpoint in its cache folder). */
async function finalModel(trained: TrainedModel): Promise<ManifoldMixupModel> {
  const model = buildModel(trained.job);
  try {
    await model.load(checkpointDir(trained.cacheRoot, trained.hash));
  } catch (error) {
    model.dispose();
    throw new Error(
      `transfer attack: cannot load the final weights of ${trained.job.experiment}/${trained.job.model}/seed-${trained.job.seed} ` +
        `(${trained.hash}): ${(error as Error).message}; delete ${trained.cacheRoot}/${trained.hash} to retrain it`,
      { cause: error },
    );
  }
  return model;
}

/**
 * The masking control of the generalisation experiment: for each seed and model, margin-loss FGSM
 * examples crafted on the same method's model of the next seed ((i + 1) mod n; itself with one seed,
 * which `sourceSeed` shows), classified by this model, on the first `limit` test images. Runs in the
 * parent once every seed is trained (a job would need another job's weights); the parent must have
 * initialised the run's backend.
 */
export async function transferAccuracies(
  bySeed: ReadonlyArray<{ seed: number; models: readonly TrainedModel[] }>,
  options: { epsilons: number[]; limit: number },
): Promise<Array<Array<Partial<ModelRun>>>> {
  const n = bySeed.length;
  const data = await loadData(bySeed[0].models[0].job.data);
  const test = subset(
    data.test,
    Array.from({ length: Math.min(options.limit, data.test.n) }, (_, i) => i),
  );
  const out: Array<Array<Partial<ModelRun>>> = bySeed.map(() => []);
  for (let i = 0; i < n; i++) {
    const source = bySeed[sourceIndex(i, n)];
    for (let j = 0; j < bySeed[i].models.length; j++) {
      const target = await finalModel(bySeed[i].models[j]);
      const crafter = await finalModel(source.models[j]).catch((error: unknown) => {
        target.dispose();
        throw error;
      });
      try {
        const points = transferAttack(crafter, target, test, {
          attack: 'fgsm',
          loss: 'margin',
          epsilons: options.epsilons,
          clip: [0, 1],
        });
        const transfer: TransferRecord[] = points.map((p) => ({
          epsilon: p.epsilon,
          accuracy: p.targetAccuracy,
          sourceAccuracy: p.sourceAccuracy,
          sourceSeed: source.seed,
          n: p.n,
        }));
        out[i].push({ transfer });
      } finally {
        target.dispose();
        crafter.dispose();
      }
    }
  }
  return out;
}
