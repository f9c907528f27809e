import { RESULTS_ENVIRONMENT } from './environment-shape.js';
import {
  allOf,
  array,
  boolean,
  check,
  distinct,
  nullable,
  number,
  object,
  oneOf,
  optional,
  record,
  string,
  text,
  type Shape,
} from './json-shape.js';
import { MAX_SEEDS, PROFILE_NAMES } from './profiles.js';
import { figureNamePattern } from './results.js';
import { CONFIG_HASH } from './config-hash.js';
import { ATTACK_RECORD } from './read-outputs.js';

// The shape of results/<experiment>.json (results.ts' ExperimentResults): every field the README,
// the figures and --check read. What the plan determines (config, jobs, hashes) is checked against
// the plan in validate-results.ts.

const finite = number();
const probability = number({ min: 0, max: 1 });
const count = number({ min: 0, integer: true });
/** A statistic of the analysis: a NaN was written as null (and is shown as '-'). */
const statistic = nullable(number());

const SUMMARY = {
  largest: statistic,
  sumOfOthers: statistic,
  effectiveRank: statistic,
  significantDirections: statistic,
};

const SPECTRUM_TABLE = object({
  perClass: array(object({ label: count, n: count, singularValues: array(statistic), ...SUMMARY })),
  mean: object(SUMMARY),
  allClasses: object({ singularValues: array(statistic), ...SUMMARY }),
});

/** results.ts' ModelAnalysis: which members a run has depends on its experiment. */
const ANALYSIS = object({
  confidence: optional(
    object({
      lowConfidenceFraction: statistic,
      meanEntropy: statistic,
      totalVariation: statistic,
      threshold: probability,
    }),
  ),
  temperature: optional(
    object({
      value: number({ min: 0 }),
      validationNllBefore: statistic,
      validationNllAfter: statistic,
      atBound: boolean,
    }),
  ),
  scaledConfidence: optional(
    object({ lowConfidenceFraction: statistic, meanEntropy: statistic, totalVariation: statistic }),
  ),
  sharpness: optional(object({ meanProbabilityGradientNorm: statistic, n: count })),
  margins: optional(
    array(
      object({
        digits: string(),
        n: count,
        meanMargin: statistic,
        minMargin: statistic,
        closestPairDistanceP05: statistic,
        silhouette: statistic,
      }),
    ),
  ),
  spectra: optional(object({ raw: SPECTRUM_TABLE, normalized: SPECTRUM_TABLE, centeredNormalized: SPECTRUM_TABLE })),
  flattening: optional(
    object({
      participationRatio: statistic,
      perClassParticipationRatio: array(statistic),
      centred: object({ largest: statistic, sumOfOthers: statistic }),
      uncentred: object({ largest: statistic, sumOfOthers: statistic }),
    }),
  ),
});

const RUN = object({
  seed: count,
  configHash: string(CONFIG_HASH, '16 lowercase hex digits'),
  // The rest of the config is compared with the plan's job, recomputed with this backend and code.
  config: object({ backend: string(), code: string() }),
  metrics: object({ accuracy: probability, nll: finite, ece: probability, mce: probability, n: count }),
  reliability: array(object({ lower: finite, upper: finite, confidence: finite, accuracy: finite, count }), { min: 1 }),
  history: array(
    object({
      epoch: finite,
      loss: finite,
      valLoss: optional(nullable(number())),
      valAccuracy: optional(nullable(probability)),
      learningRate: optional(nullable(number())),
    }),
    { min: 1 },
  ),
  analysis: ANALYSIS,
  fgsm: optional(array(object({ epsilon: number({ min: 0 }), accuracy: probability, n: count }))),
  attacks: optional(object({ fgsm: array(ATTACK_RECORD), pgd: array(ATTACK_RECORD) })),
  transfer: optional(
    array(
      object({
        epsilon: number({ min: 0 }),
        accuracy: probability,
        sourceAccuracy: probability,
        sourceSeed: count,
        n: count,
      }),
    ),
  ),
  deformations: optional(array(object({ name: string(), accuracy: probability, n: count }))),
});

const CLAIM = object({
  id: string(),
  statement: string(),
  source: string(),
  label: string(),
  effect: string(),
  unit: text,
  perSeed: array(object({ seed: count, effect: finite, values: record(statistic) }), { min: 1, max: MAX_SEEDS }),
  mean: finite,
  interval: object({ low: nullable(finite), high: nullable(finite), level: probability, method: oneOf(['student-t']) }),
  seedsAgreeing: count,
  primary: optional(oneOf([true])),
  dz: statistic,
  reference: nullable(string()),
  relativeChange: statistic,
  p: probability,
  holm: optional(
    object({
      alpha: probability,
      familySize: number({ min: 1, integer: true }),
      adjustedP: probability,
      oppositeP: probability,
      oppositeAdjustedP: probability,
    }),
  ),
  verdict: oneOf(['supported', 'contradicted', 'inconclusive']),
});

/** A figure of `experiment` as a results file lists it: figures/ and a name of figureNamePattern's form. */
function figurePath(experiment: string): Shape {
  const name = figureNamePattern(experiment);
  return check(
    `figures/${experiment}-<lowercase words>.svg`,
    (v) => typeof v === 'string' && v.startsWith('figures/') && name.test(v.slice('figures/'.length)),
  );
}

/** Everything of a results file but `schemaVersion` and `experiment` (checked first: this depends on them). */
export function resultsShape(experiment: string): Shape {
  return object({
    profile: oneOf(PROFILE_NAMES),
    profileDescription: string(),
    seeds: allOf(array(count, { min: 1, max: MAX_SEEDS }), distinct('seeds')),
    config: object({}),
    models: array(
      object({
        model: string(),
        label: string(),
        mixing: oneOf(['none', 'input', 'manifold']),
        runs: array(RUN, { min: 1, max: MAX_SEEDS }),
      }),
      { min: 1 },
    ),
    claims: array(CLAIM, { min: 1 }),
    figures: array(
      object({
        path: figurePath(experiment),
        caption: string(),
        sha256: string(/^[0-9a-f]{64}$/, '64 hex digits'),
      }),
      {
        min: 1,
      },
    ),
    environment: RESULTS_ENVIRONMENT,
  });
}
