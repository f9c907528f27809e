import type { AnyExperiment } from './experiments/experiment.js';
import type { Registry } from './experiments/registry.js';
import type { ExperimentResults } from './results.js';

/**
 * The experiments a README shows, in registry order: every one with results in its folder, and the
 * default (not opt-in) ones without (as "No results yet"), except on a page of opt-in experiments only
 * (fashion-mnist/README.md), which shows just its own.
 */
export function shownExperiments(all: readonly ExperimentResults[], registry: Registry): AnyExperiment[] {
  const ran = new Set(all.map((r) => r.experiment));
  const ownPage = ran.size > 0 && [...ran].every((name) => registry.names.includes(name) && registry.get(name).optIn);
  return registry.experiments.filter((e) => ran.has(e.name) || (!e.optIn && !ownPage));
}
