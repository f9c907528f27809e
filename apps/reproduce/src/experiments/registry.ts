import { bottleneck12d } from './bottleneck-12d.js';
import { bottleneck2d } from './bottleneck-2d.js';
import type { AnyExperiment } from './experiment.js';
import { generalisation, generalisationFashionMnist } from './generalisation.js';
import { spiral } from './spiral.js';

/**
 * Every experiment of the reproduction, in the order of the README and of the results (as tfjs lists
 * its kernels in register_all_kernels.ts). Adding an experiment: one module exporting an `Experiment`,
 * and its line here. This is the only place that maps names to experiments.
 */
export const EXPERIMENTS = [spiral, bottleneck2d, bottleneck12d, generalisation, generalisationFashionMnist] as const;

export type ExperimentName = (typeof EXPERIMENTS)[number]['name'];

export const EXPERIMENT_NAMES: readonly ExperimentName[] = EXPERIMENTS.map((e) => e.name);

/** What a run without --only trains: every experiment but the opt-in ones (their data needs an extra install). */
export const DEFAULT_EXPERIMENTS: readonly ExperimentName[] = EXPERIMENTS.filter(
  (e: AnyExperiment) => e.optIn !== true,
).map((e) => e.name);

/** The README's blocks that are not experiments (render-readme.ts): no experiment may take their names. */
const OTHER_BLOCKS = ['claims', 'independent', 'differences', 'environment'];

/** Lowercase words joined by '-': the name is a file name, a README marker and an --only value. */
const VALID_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A list of experiments and the lookup of one by name. */
export interface Registry {
  /** In README order. */
  readonly experiments: readonly AnyExperiment[];
  readonly names: readonly string[];
  /** The experiment named `name`; throws, listing the registered names, when there is none. */
  get(name: string): AnyExperiment;
}

/**
 * A registry of `experiments` (the generic code takes one, defaulting to REGISTRY; a test passes its own
 * list to run an experiment of its own). Throws on an invalid or repeated name.
 */
export function experimentRegistry(experiments: readonly AnyExperiment[]): Registry {
  const byName = new Map<string, AnyExperiment>();
  for (const experiment of experiments) {
    const { name } = experiment;
    if (!VALID_NAME.test(name))
      throw new Error(`experimentRegistry: name '${name}': expected lowercase letters and digits joined by '-'`);
    if (OTHER_BLOCKS.includes(name))
      throw new Error(`experimentRegistry: name '${name}' is taken by a README block (${OTHER_BLOCKS.join(', ')})`);
    if (byName.has(name)) throw new Error(`experimentRegistry: two experiments are named '${name}'`);
    byName.set(name, experiment);
  }
  const names = [...byName.keys()];
  return {
    experiments: [...experiments],
    names,
    get(name) {
      const found = byName.get(name);
      if (!found) throw new Error(`experiment '${name}': not registered; registered: ${names.join(', ')}`);
      return found;
    },
  };
}

/** The reproduction's experiments. */
export const REGISTRY: Registry = experimentRegistry(EXPERIMENTS);
