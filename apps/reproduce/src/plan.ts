import type { AnyExperiment, RunContext } from './experiments/experiment.js';
import type { ModelJob } from './model-job.js';
import { PROFILES, type Profile, type ProfileName } from './profiles.js';

/** Everything a run is made of: profile, seeds and the jobs of every (experiment, seed). */
export interface RunPlan {
  profile: Profile;
  /** The experiments' names, in registry order. */
  experiments: string[];
  /** --seeds: the seeds of every experiment; null: each experiment's own count in the profile. */
  seeds: number[] | null;
  backend: string;
  code: string;
  jobsByExperiment: Array<{
    experiment: AnyExperiment;
    /** This experiment's seeds (experimentSeeds). */
    seeds: number[];
    bySeed: Array<{ seed: number; jobs: ModelJob[] }>;
  }>;
}

/** The models of one experiment and seed with its settings in `profile`. */
export function experimentJobs(
  experiment: AnyExperiment,
  profile: ProfileName,
  run: Omit<RunContext, 'experiment'>,
): ModelJob[] {
  return experiment.jobs(experiment.settings[profile], { experiment: experiment.name, ...run });
}

/** An experiment's seeds in `profile`: `override` (--seeds) when given, else 0..n-1 for its own count. */
export function experimentSeeds(
  experiment: AnyExperiment,
  profile: ProfileName,
  override: readonly number[] | null,
): number[] {
  if (override) return [...override];
  const count = experiment.seeds?.[profile] ?? PROFILES[profile].seeds;
  return Array.from({ length: count }, (_, i) => i);
}

/** The run's plan; first checks that every experiment's data is there (an experiment's `checkData`). */
export function planRun(
  profileName: ProfileName,
  experiments: readonly AnyExperiment[],
  seeds: readonly number[] | null,
  backend: string,
  code: string,
): RunPlan {
  for (const experiment of experiments) experiment.checkData?.();
  return {
    profile: PROFILES[profileName],
    experiments: experiments.map((e) => e.name),
    seeds: seeds ? [...seeds] : null,
    backend,
    code,
    jobsByExperiment: experiments.map((experiment) => {
      const seedList = experimentSeeds(experiment, profileName, seeds);
      return {
        experiment,
        seeds: seedList,
        bySeed: seedList.map((seed) => ({
          seed,
          jobs: experimentJobs(experiment, profileName, { seed, backend, code }),
        })),
      };
    }),
  };
}

/** The seeds of a plan, for logs: '0, 1, 2' or 'spiral 0-4, generalisation 0-9'. */
export function describeSeeds(plan: RunPlan): string {
  const range = (seeds: readonly number[]) =>
    seeds.length > 2 && seeds.every((s, i) => i === 0 || s === seeds[i - 1] + 1)
      ? `${seeds[0]}-${seeds[seeds.length - 1]}`
      : seeds.join(', ');
  if (plan.seeds) return range(plan.seeds);
  const lists = plan.jobsByExperiment.map((e) => range(e.seeds));
  if (lists.every((list) => list === lists[0])) return lists[0] ?? '';
  return plan.jobsByExperiment.map((e) => `${e.experiment.name} ${range(e.seeds)}`).join('; ');
}

export function allJobs(plan: RunPlan): ModelJob[] {
  return plan.jobsByExperiment.flatMap((e) => e.bySeed.flatMap((s) => s.jobs));
}
