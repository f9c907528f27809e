import type { AnyExperiment, RunContext } from './experiments/experiment.js';
import type { ModelJob } from './model-job.js';
import { PROFILES, type Profile, type ProfileName } from './profiles.js';

/** Everything a run is made of: profile, seeds and the jobs of every (experiment, seed). */
export interface RunPlan {
  profile: Profile;
  /** The experiments' names, in registry order. */
  experiments: string[];
  seeds: number[];
  backend: string;
  code: string;
  jobsByExperiment: Array<{ experiment: AnyExperiment; bySeed: Array<{ seed: number; jobs: ModelJob[] }> }>;
}

/** The models of one experiment and seed with its settings in `profile`. */
export function experimentJobs(
  experiment: AnyExperiment,
  profile: ProfileName,
  run: Omit<RunContext, 'experiment'>,
): ModelJob[] {
  return experiment.jobs(experiment.settings[profile], { experiment: experiment.name, ...run });
}

export function planRun(
  profileName: ProfileName,
  experiments: readonly AnyExperiment[],
  seeds: readonly number[] | null,
  backend: string,
  code: string,
): RunPlan {
  const profile = PROFILES[profileName];
  const seedList = seeds ? [...seeds] : Array.from({ length: profile.seeds }, (_, i) => i);
  return {
    profile,
    experiments: experiments.map((e) => e.name),
    seeds: seedList,
    backend,
    code,
    jobsByExperiment: experiments.map((experiment) => ({
      experiment,
      bySeed: seedList.map((seed) => ({
        seed,
        jobs: experimentJobs(experiment, profileName, { seed, backend, code }),
      })),
    })),
  };
}

export function allJobs(plan: RunPlan): ModelJob[] {
  return plan.jobsByExperiment.flatMap((e) => e.bySeed.flatMap((s) => s.jobs));
}
