/**
 * The three profiles: name, description and seed count. What each experiment trains in a profile is
 * data in that experiment's module (`settings` in experiments/*.ts): `paper` is the seed's
 * hyperparameters exactly; `default` is what the root README shows (sized to finish in < 60 minutes on
 * a 2-core machine: 38 minutes measured from a fresh clone on 2026-12-07); `quick` exercises the whole
 * pipeline in well under 2 minutes (CI). Everything a model depends on is in those settings, so the cache key (a hash of the model's full config) changes
 * whenever a profile does.
 */

export const PROFILE_NAMES = ['quick', 'default', 'paper'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** The most seeds a run may have (--seeds, and what shard manifests and results files may list). */
export const MAX_SEEDS = 1000;

export interface Profile {
  name: ProfileName;
  description: string;
  /** Seeds 0..seeds-1 unless the experiment sets its own count or --seeds says otherwise. */
  seeds: number;
}

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  quick: {
    name: 'quick',
    description: 'a smoke test of the whole pipeline: tiny layers, 2-3 epochs, an MNIST subset, 2 seeds',
    seeds: 2,
  },
  default: {
    name: 'default',
    description:
      "what the README shows: the seed's experiments with narrower layers and fewer epochs, full data, and the generalisation experiment; 5 to 15 seeds per experiment",
    seeds: 5,
  },
  paper: {
    name: 'paper',
    description: "the seed's hyperparameters exactly: 1024-wide layers, 24 epochs, full data",
    seeds: 3,
  },
};

/** The profile with the seed's settings, for the README's "what differs from the seed" table. */
export const SEED_PROFILE: ProfileName = 'paper';
