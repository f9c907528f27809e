import type { ClaimSpec } from '../claims.js';
import { bottleneck12d } from '../experiments/bottleneck-12d.js';
import type { AnyExperiment } from '../experiments/experiment.js';
import { PRIMARY_CLAIMS } from '../experiments/generalisation-primary.js';

/** Ten seeds, the primary tests' unit (PRIMARY_SEEDS). */
export const TEN_SEEDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * Made-up effects per seed (> 0: as claimed) of the seven declared primary claims, chosen so that the
 * family shows every case: all ten seeds positive (p = 1/1024: supported after Holm ×7), p = 1/64
 * (below 0.05 alone, 6/64 > 0.05 after Holm: inconclusive although its interval lies above 0), all
 * negative (contradicted), and noise.
 */
export const PRIMARY_EFFECTS: Record<string, number[]> = {
  'test-error-vs-baseline': [3, 2, 4, 3, 5, 2, 3, 4, 3, 2],
  'test-error-vs-input-mixup': [3, 2, 4, 1, 5, 2, 3, -1, 3, -2],
  'test-nll-vs-baseline': [-3, -2, -4, -3, -5, -2, -3, -4, -3, -2],
  'flattening-vs-baseline': [1, -1, 2, -2, 1, -1, 2, -2, 1, -1],
  'fgsm-vs-baseline': [1, -2, 1, -2, 1, -2, 1, -2, 1, 1],
  'fgsm-vs-input-mixup': [0, 1, -1, 0, 1, -1, 0, 1, -1, 0],
  'deformations-vs-baseline': [2, -1, 2, -1, 2, -1, 2, -1, -1, -1],
};

/** The declared primary claims as ClaimSpecs whose effect on seed s is PRIMARY_EFFECTS[id][s] (in thousandths). */
export function primarySpecs(): ClaimSpec[] {
  return PRIMARY_CLAIMS.map((c) => ({
    id: c.id,
    primary: true,
    statement: c.statement,
    source: c.source,
    label: c.id.replace(/-/g, ' '),
    effect: `${c.statistic}: ${c.reference} vs ${c.model}`,
    unit: '',
    compare: (run) => {
      const effect = PRIMARY_EFFECTS[c.id][run('baseline').seed % 10] / 1000;
      return { effect, values: { baseline: 0.1, 'manifold mixup': 0.1 - effect } };
    },
  }));
}

/**
 * The 12-D experiment under another name with the seven primary claims before its own (exploratory)
 * ones: an experiment of the shape the generalisation experiment has, for tests of the family.
 */
export const primaryToy: AnyExperiment = {
  ...(bottleneck12d as unknown as AnyExperiment),
  name: 'primary-toy',
  title: 'A primary toy',
  claims: (settings) => [...primarySpecs(), ...bottleneck12d.claims(settings as never)],
  figures: () => [],
  summaryFigures: () => [],
};
