import type { TrainedModel } from './analyze-common.js';
import { judgeClaim } from './claims.js';
import type { AnyExperiment } from './experiments/experiment.js';
import type { ProfileName } from './profiles.js';
import type { Claim, ModelResults, ModelRun } from './results.js';

/**
 * Every seed of one experiment: each seed's models analysed alone, their runs gathered per model (with
 * `acrossSeeds`, the experiment's statistics over other seeds' models, added), the claims judged over
 * the seeds (paired by seed), and the first seed's figure arrays.
 */
export function analyzeExperiment(
  experiment: AnyExperiment,
  bySeed: ReadonlyArray<{ seed: number; models: TrainedModel[] }>,
  profile: ProfileName,
  acrossSeeds: ReadonlyArray<ReadonlyArray<Partial<ModelRun>>> = [],
): { models: ModelResults[]; claims: Claim[]; arrays: object } {
  const settings = experiment.settings[profile];
  const seeds = bySeed.map((s) => s.seed);
  const analysed = bySeed.map(({ seed, models }) => ({
    seed,
    models,
    analysis: experiment.analyzeSeed(models, settings, seed),
  }));
  const first = analysed[0];
  const models: ModelResults[] = first.models.map((model, j) => ({
    model: model.job.model,
    label: model.job.label,
    mixing: model.job.mixing,
    runs: analysed.map(({ seed, models: trained, analysis }, i) => {
      const run = trained[j];
      if (run.job.model !== model.job.model)
        throw new Error(
          `${experiment.name}: seed ${seed} lists '${run.job.model}' where seed ${first.seed} has '${model.job.model}'`,
        );
      return {
        seed,
        configHash: run.hash,
        config: run.job,
        ...analysis.runs[j],
        history: run.outputs.history.map(({ seconds: _seconds, ...record }) => record),
        ...(run.outputs.fgsm ? { fgsm: run.outputs.fgsm } : {}),
        ...(run.outputs.attacks ? { attacks: run.outputs.attacks } : {}),
        ...(run.outputs.deformations ? { deformations: run.outputs.deformations } : {}),
        ...acrossSeeds[i]?.[j],
      };
    }),
  }));
  const claims = experiment.claims(settings).map((spec) => judgeClaim(spec, models, seeds));
  return { models, claims, arrays: first.analysis.arrays };
}
