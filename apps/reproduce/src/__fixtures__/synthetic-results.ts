import { judgeClaim } from '../claims.js';
import { configHash, sha256Hex } from '../config-hash.js';
import { experimentFigures } from '../experiment-figures.js';
import type { AnyExperiment } from '../experiments/experiment.js';
import { drawFigure, type FigureSpec } from '../figure-spec.js';
import { experimentJobs } from '../plan.js';
import { judgePrimaryFamily } from '../primary-family.js';
import { PROFILES } from '../profiles.js';
import { SCHEMA_VERSION, runKey, type ExperimentResults, type ModelResults } from '../results.js';

/**
 * A schema-valid results object of `experiment` (quick profile) with made-up numbers: common metrics
 * here, the experiment's own statistics from its `synthetic` member (mixing models look better, by an
 * amount that varies a little with the seed), and real claims (judged by the experiment's claim
 * specs, primary ones as a family of their own); plus its figure arrays, the specs of its figures and their drawings, for tests of rendering
 * and checking.
 */
export function syntheticExperiment(
  experiment: AnyExperiment,
  seeds: number[] = [0, 1, 2],
): { results: ExperimentResults; arrays: object; figures: FigureSpec[]; svgs: Map<string, string> } {
  const profile = PROFILES.quick;
  const settings = experiment.settings.quick;
  const jobsBySeed = seeds.map((seed) => experimentJobs(experiment, 'quick', { seed, backend: 'wasm', code: 'test' }));
  const models: ModelResults[] = jobsBySeed[0].map((job, i) => ({
    model: job.model,
    label: job.label,
    mixing: job.mixing,
    runs: seeds.map((seed, k) => ({
      seed,
      configHash: configHash(jobsBySeed[k][i]),
      config: jobsBySeed[k][i],
      metrics: { accuracy: 0.9 + i / 100, nll: 0.3, ece: 0.05 - i / 100 - seed / 1000, mce: 0.2, n: 500 },
      reliability: [{ lower: 0.9, upper: 1, confidence: 0.95, accuracy: 0.93, count: 500 }],
      history: [{ epoch: 1, loss: 0.5, valAccuracy: 0.9, learningRate: 1e-3 }],
      ...experiment.synthetic.run(i, seed, settings),
    })),
  }));
  const unjudged: ExperimentResults = {
    schemaVersion: SCHEMA_VERSION,
    experiment: experiment.name,
    profile: 'quick',
    profileDescription: profile.description,
    seeds,
    config: settings,
    models,
    claims: experiment.claims(settings).map((spec) => judgeClaim(spec, models, seeds)),
    figures: [],
    environment: {
      node: '20.20.2',
      platform: 'linux x64',
      cpus: 2,
      backend: { name: 'wasm', requested: 'auto', threads: 1, simd: true, fastMatMul: true, tfjsVersion: '4.22.0' },
      packages: {},
      git: { commit: 'abcdef0123456789', dirty: false },
      workers: 2,
      startedAt: '2026-11-26T20:00:00.000Z',
      finishedAt: '2026-11-26T20:01:00.000Z',
      runSeconds: 60,
      models: Object.fromEntries(
        models.flatMap((m) =>
          seeds.map((seed) => [runKey(m.model, seed), { seconds: 12.5 + seed, cached: false, epochSeconds: [6, 6.5] }]),
        ),
      ),
    },
  };
  // Its primary claims (if any) judged as a family of their own, as in an output folder of this experiment alone.
  const [results] = judgePrimaryFamily([unjudged]);
  const arrays = experiment.synthetic.arrays(models.length, settings);
  const figures = experimentFigures(experiment, results, arrays, 'synthetic');
  const svgs = new Map(figures.map((f) => [f.name, drawFigure(f)]));
  results.figures = figures.map((f) => ({
    path: `figures/${f.name}`,
    caption: f.caption,
    sha256: sha256Hex(svgs.get(f.name) as string),
  }));
  return { results, arrays, figures, svgs };
}

export function syntheticResults(experiment: AnyExperiment, seeds?: number[]): ExperimentResults {
  return syntheticExperiment(experiment, seeds).results;
}
