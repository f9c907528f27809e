import { experimentJobs } from '../experiments.js';
import { PROFILES, type ExperimentName } from '../profiles.js';
import { SCHEMA_VERSION, type ExperimentResults, type SpectrumTable } from '../results.js';

const spectrum = (scale: number): SpectrumTable => ({
  perClass: Array.from({ length: 10 }, (_, label) => ({
    label,
    n: 100,
    singularValues: [10 * scale, 2 * scale, scale],
    largest: 10 * scale,
    sumOfOthers: 3 * scale,
    effectiveRank: 1.8,
    significantDirections: 3,
  })),
  mean: { largest: 10 * scale, sumOfOthers: 3 * scale, effectiveRank: 1.8, significantDirections: 3 },
  allClasses: {
    singularValues: [30, 20, 10],
    largest: 30,
    sumOfOthers: 30,
    effectiveRank: 2.8,
    significantDirections: 3,
  },
});

/** A schema-valid results object with made-up numbers, for tests of rendering and checking. */
export function syntheticResults(
  experiment: ExperimentName,
  figureShas: Record<string, string> = {},
): ExperimentResults {
  const profile = PROFILES.quick;
  const jobs = experimentJobs(profile, experiment, { seed: 0, backend: 'wasm', code: 'test' });
  const figureNames =
    experiment === 'spiral'
      ? ['spiral-confidence']
      : experiment === 'bottleneck-2d'
        ? ['bottleneck-2d-digits-0-9']
        : ['bottleneck-12d-spectra'];
  return {
    schemaVersion: SCHEMA_VERSION,
    experiment,
    profile: 'quick',
    profileDescription: profile.description,
    seed: 0,
    config: profile[experiment],
    models: jobs.map((job, i) => ({
      model: job.model,
      label: job.label,
      mixing: job.mixing,
      configHash: `hash${i}`,
      config: job,
      metrics: { accuracy: 0.9 + i / 100, nll: 0.3, ece: 0.05 - i / 100, mce: 0.2, n: 500 },
      reliability: [{ lower: 0.9, upper: 1, confidence: 0.95, accuracy: 0.93, count: 500 }],
      history: [{ epoch: 1, loss: 0.5, valAccuracy: 0.9, learningRate: 1e-3 }],
      analysis:
        experiment === 'spiral'
          ? {
              confidence: {
                lowConfidenceFraction: 0.1 + i / 10,
                meanEntropy: 0.2,
                totalVariation: 50 - i * 10,
                threshold: 0.9,
              },
            }
          : experiment === 'bottleneck-2d'
            ? {
                margins: [
                  {
                    digits: '0-9',
                    n: 250,
                    meanMargin: 1 + i,
                    minMargin: 0.5,
                    closestPairDistanceP05: 0.1,
                    silhouette: 0.3 + i / 10,
                  },
                ],
              }
            : {
                spectra: {
                  raw: spectrum(3 - i),
                  normalized: spectrum((3 - i) / 10),
                  centeredNormalized: spectrum((3 - i) / 20),
                },
              },
    })),
    claims: [
      {
        id: `${experiment}-x`,
        statement: 'a claim',
        source: 'paper',
        evidence: 'numbers',
        supported: experiment !== 'bottleneck-2d',
      },
    ],
    figures: figureNames.map((name) => ({
      path: `figures/${name}.svg`,
      caption: `caption of ${name}`,
      sha256: figureShas[name] ?? '0'.repeat(64),
    })),
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
        jobs.map((job) => [job.model, { seconds: 12.5, cached: false, epochSeconds: [6, 6.5] }]),
      ),
    },
  };
}
