import { claimSpecs, judgeClaim } from '../claims.js';
import { sha256Hex } from '../config-hash.js';
import { experimentJobs } from '../experiments.js';
import { experimentFigures, type FigureArrays } from '../experiment-figures.js';
import { drawFigure, type FigureSpec } from '../figure-spec.js';
import { PROFILES, type ExperimentName } from '../profiles.js';
import {
  SCHEMA_VERSION,
  runKey,
  type ExperimentResults,
  type ModelAnalysis,
  type ModelResults,
  type SpectrumTable,
} from '../results.js';

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

/**
 * Made-up statistics of model i (0: baseline, 1: the next model, ...) with seed s. Mixing models look
 * better on every statistic, by an amount that varies a little with the seed, except the 2-D
 * silhouette, whose sign flips with the seed (an inconclusive claim).
 */
function analysis(experiment: ExperimentName, i: number, s: number): ModelAnalysis {
  if (experiment === 'spiral')
    return {
      confidence: {
        lowConfidenceFraction: 0.1 + i / 10 + s / 100,
        meanEntropy: 0.2,
        totalVariation: 50 - i * 10 + s,
        threshold: 0.9,
      },
    };
  if (experiment === 'bottleneck-2d')
    return {
      margins: [
        {
          digits: '0-9',
          n: 250,
          meanMargin: 1 + i + s / 10,
          minMargin: 0.5,
          closestPairDistanceP05: 0.1,
          silhouette: 0.3 + (s % 2 === 0 ? i : -i) / 10,
        },
      ],
    };
  const scale = i === 2 ? 1 + s / 10 : 3 + i;
  return {
    spectra: { raw: spectrum(scale), normalized: spectrum(scale / 10), centeredNormalized: spectrum(scale / 20) },
  };
}

/**
 * A schema-valid results object with made-up numbers and real claims (judged by the real claim
 * specs), plus the specs of its figures (one metrics chart) and their drawings, for tests of
 * rendering and checking.
 */
export function syntheticExperiment(
  experiment: ExperimentName,
  seeds: number[] = [0, 1, 2],
): { results: ExperimentResults; arrays: FigureArrays; figures: FigureSpec[]; svgs: Map<string, string> } {
  const profile = PROFILES.quick;
  const jobsBySeed = seeds.map((seed) => experimentJobs(profile, experiment, { seed, backend: 'wasm', code: 'test' }));
  const models: ModelResults[] = jobsBySeed[0].map((job, i) => ({
    model: job.model,
    label: job.label,
    mixing: job.mixing,
    runs: seeds.map((seed, k) => ({
      seed,
      configHash: `hash-${i}-${seed}`,
      config: jobsBySeed[k][i],
      metrics: { accuracy: 0.9 + i / 100, nll: 0.3, ece: 0.05 - i / 100 - seed / 1000, mce: 0.2, n: 500 },
      reliability: [{ lower: 0.9, upper: 1, confidence: 0.95, accuracy: 0.93, count: 500 }],
      history: [{ epoch: 1, loss: 0.5, valAccuracy: 0.9, learningRate: 1e-3 }],
      analysis: analysis(experiment, i, seed),
      ...(experiment === 'bottleneck-12d'
        ? {
            fgsm: profile['bottleneck-12d'].fgsmEpsilons.map((epsilon) => ({
              epsilon,
              accuracy: Math.max(0, 0.9 - epsilon * (2 - i / 4)),
              n: 500,
            })),
          }
        : {}),
    })),
  }));
  const specs = claimSpecs(experiment, profile);
  const results: ExperimentResults = {
    schemaVersion: SCHEMA_VERSION,
    experiment,
    profile: 'quick',
    profileDescription: profile.description,
    seeds,
    config: profile[experiment],
    models,
    claims: specs.map((spec) => judgeClaim(spec, models, seeds)),
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
  const arrays = syntheticArrays(experiment, models.length);
  const figures = experimentFigures(results, arrays, 'synthetic');
  const svgs = new Map(figures.map((f) => [f.name, drawFigure(f)]));
  results.figures = figures.map((f) => ({
    path: `figures/${f.name}`,
    caption: f.caption,
    sha256: sha256Hex(svgs.get(f.name) as string),
  }));
  return { results, arrays, figures, svgs };
}

/** Small arrays for the maps and scatters: P(class 1) rising with x, a few points, ten codes. */
function syntheticArrays(experiment: ExperimentName, models: number): FigureArrays {
  if (experiment === 'bottleneck-12d') return {};
  if (experiment === 'spiral') {
    const n = PROFILES.quick.spiral.gridResolution;
    const probability = Float32Array.from({ length: n * n }, (_, k) => (k % n) / (n - 1));
    return {
      panels: Array.from({ length: models }, () => ({
        probability,
        points: Float32Array.from([-5, -5, 5, 5, -5, 5, 5, -5]),
        labels: Uint8Array.from([0, 1, 0, 1]),
      })),
    };
  }
  const codes = Float32Array.from({ length: 20 }, (_, k) => Math.sin(k) * (1 + k));
  const labels = Uint8Array.from({ length: 10 }, (_, k) => k);
  return {
    panels: Array.from({ length: models }, () => ({ groups: [{ digits: '0-9', codes, labels }] })),
  };
}

export function syntheticResults(experiment: ExperimentName, seeds?: number[]): ExperimentResults {
  return syntheticExperiment(experiment, seeds).results;
}
