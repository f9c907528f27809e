import { analyzeBottleneck12d } from './analyze-bottleneck-12d.js';
import { analyzeBottleneck2d } from './analyze-bottleneck-2d.js';
import type { SeedAnalysis, TrainedModel } from './analyze-common.js';
import { analyzeSpiral } from './analyze-spiral.js';
import { claimSpecs, judgeClaim } from './claims.js';
import type { FigureArrays } from './experiment-figures.js';
import type { ExperimentName, Profile } from './profiles.js';
import type { Claim, ModelResults } from './results.js';

function analyzeSeed(experiment: ExperimentName, models: TrainedModel[], profile: Profile, seed: number): SeedAnalysis {
  if (experiment === 'spiral') return analyzeSpiral(models, profile.spiral);
  if (experiment === 'bottleneck-2d') return analyzeBottleneck2d(models, seed);
  return analyzeBottleneck12d(models, profile['bottleneck-12d']);
}

/**
 * Every seed of one experiment: each seed's models analysed alone, their runs gathered per model,
 * the claims judged over the seeds (paired by seed), and the first seed's figure arrays.
 */
export function analyzeExperiment(
  experiment: ExperimentName,
  bySeed: ReadonlyArray<{ seed: number; models: TrainedModel[] }>,
  profile: Profile,
): { models: ModelResults[]; claims: Claim[]; arrays: FigureArrays } {
  const seeds = bySeed.map((s) => s.seed);
  const analysed = bySeed.map(({ seed, models }) => ({
    seed,
    models,
    analysis: analyzeSeed(experiment, models, profile, seed),
  }));
  const first = analysed[0];
  const models: ModelResults[] = first.models.map((model, j) => ({
    model: model.job.model,
    label: model.job.label,
    mixing: model.job.mixing,
    runs: analysed.map(({ seed, models: trained, analysis }) => {
      const run = trained[j];
      if (run.job.model !== model.job.model)
        throw new Error(
          `${experiment}: seed ${seed} lists '${run.job.model}' where seed ${first.seed} has '${model.job.model}'`,
        );
      return {
        seed,
        configHash: run.hash,
        config: run.job,
        ...analysis.runs[j],
        history: run.outputs.history.map(({ seconds: _seconds, ...record }) => record),
        ...(run.outputs.fgsm ? { fgsm: run.outputs.fgsm } : {}),
      };
    }),
  }));
  const specs = claimSpecs(experiment, profile);
  const claims = specs.map((spec) => judgeClaim(spec, models, seeds));
  return { models, claims, arrays: first.analysis.arrays };
}
