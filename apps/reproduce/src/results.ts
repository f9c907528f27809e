import type { ReliabilityBin } from '@manifold-mixup/analysis';
import type { EpochRecord } from '@manifold-mixup/mixup-core';
import type { Mixing, ModelJob } from './model-job.js';
import type { ProfileName } from './profiles.js';

/** 3: claims carry d_z, relative change, the exact sign-flip p, and primary claims their Holm judgement. */
export const SCHEMA_VERSION = 3;

export type Verdict = 'supported' | 'contradicted' | 'inconclusive';

/** One seed's share of a claim: the effect (signed: > 0 is the claimed direction) and what it compares. */
export interface ClaimSeed {
  seed: number;
  effect: number;
  /** The statistic of each model compared, by model label. */
  values: Record<string, number>;
}

/**
 * The Holm judgement of a primary claim in its family (every claim marked primary in one output folder,
 * experiments/generalisation-primary.ts declares them): the verdict is read from these p-values.
 */
export interface HolmJudgement {
  /** Family-wise level (FAMILY_ALPHA). */
  alpha: number;
  /** How many claims the family holds. */
  familySize: number;
  /** `p` Holm-adjusted over the family. */
  adjustedP: number;
  /** Exact sign-flip p of the opposite direction (effect < 0). */
  oppositeP: number;
  /** `oppositeP` Holm-adjusted in the family with this claim turned round and the others as claimed. */
  oppositeAdjustedP: number;
}

/**
 * A claim of the paper and the verdict of this run's seeds on it (computed, never asserted): the
 * paired effect per seed, its mean and 95% Student t interval, d_z, the exact sign-flip p, and the
 * verdict. A primary claim (pre-declared) is judged with Holm over its family; every other claim is
 * exploratory and keeps the interval rule, unadjusted.
 */
export interface Claim {
  id: string;
  /** Present on the pre-declared primary claims only. */
  primary?: true;
  statement: string;
  /** Where the claim comes from (paper section, theorem, literature). */
  source: string;
  /** A few words for the claims-at-a-glance figure. */
  label: string;
  /** What the effect is, e.g. 'baseline − manifold mixup, total variation'. */
  effect: string;
  /** Unit of the effect ('' when unitless). */
  unit: string;
  perSeed: ClaimSeed[];
  mean: number;
  /** 95% interval of the mean effect (null bounds with one seed: no interval). */
  interval: { low: number | null; high: number | null; level: number; method: 'student-t' };
  /** Seeds whose effect is > 0 (in the claimed direction). */
  seedsAgreeing: number;
  /** Cohen's d_z: mean / sd of the per-seed effects (null when undefined or infinite: one seed, or all equal). */
  dz: number | null;
  /** The key of `perSeed[].values` whose statistic is the reference (e.g. 'baseline'); null: none. */
  reference: string | null;
  /** Mean effect / the reference's mean statistic (> 0: as claimed); null without a reference. */
  relativeChange: number | null;
  /** Exact one-sided sign-flip p of the effect > 0 over the seeds, unadjusted. */
  p: number;
  /** Primary claims only: the Holm judgement the verdict comes from. */
  holm?: HolmJudgement;
  /** Primary: from `holm`. Exploratory: the interval rule (above 0 supported, below contradicted). */
  verdict: Verdict;
}

export type { ReliabilityBin };

export interface ModelMetrics {
  accuracy: number;
  nll: number;
  ece: number;
  mce: number;
  n: number;
}

/** One epoch of training, without wall-clock time (that lives in `environment`, outside what must be identical). */
export type HistoryRecord = Omit<EpochRecord, 'seconds'>;

export interface SpectrumRow {
  label: number;
  n: number;
  singularValues: number[];
  largest: number;
  sumOfOthers: number;
  effectiveRank: number;
  significantDirections: number;
}

export interface SpectrumTable {
  perClass: SpectrumRow[];
  /** Means over classes of the four summaries. */
  mean: { largest: number; sumOfOthers: number; effectiveRank: number; significantDirections: number };
  /** All classes together (control): summaries of the pooled spectrum. */
  allClasses: {
    singularValues: number[];
    largest: number;
    sumOfOthers: number;
    effectiveRank: number;
    significantDirections: number;
  };
}

/** Per-model statistics; which fields are present depends on the experiment. */
export interface ModelAnalysis {
  confidence?: { lowConfidenceFraction: number; meanEntropy: number; totalVariation: number; threshold: number };
  /**
   * Spiral: one temperature T per model, fitted on the validation split (minimum NLL of softmax(log p / T));
   * atBound: NLL still fell at the search's bound (a model right on every validation point: T → 0).
   */
  temperature?: { value: number; validationNllBefore: number; validationNllAfter: number; atBound: boolean };
  /** Spiral: the grid's confidence statistics on temperature-scaled probabilities. */
  scaledConfidence?: { lowConfidenceFraction: number; meanEntropy: number; totalVariation: number };
  /** Spiral: mean over the test points of ‖∇ₓ P(class 1 | x)‖ (the exact gradient): boundary sharpness. */
  sharpness?: { meanProbabilityGradientNorm: number; n: number };
  margins?: {
    digits: string;
    n: number;
    meanMargin: number;
    minMargin: number;
    closestPairDistanceP05: number;
    silhouette: number;
  }[];
  spectra?: { raw: SpectrumTable; normalized: SpectrumTable; centeredNormalized: SpectrumTable };
  /** The first hidden layer's class spectra (generalisation experiment). */
  flattening?: FlatteningStatistics;
}

/**
 * Per-class statistics of a hidden layer's test activations: the participation ratio (Σλ)²/Σλ² of the
 * centred class covariance (the primary flattening statistic), and §3.2's table numbers (largest
 * singular value, sum of the others), centred and uncentred; each a mean over the classes.
 */
export interface FlatteningStatistics {
  participationRatio: number;
  perClassParticipationRatio: number[];
  centred: { largest: number; sumOfOthers: number };
  uncentred: { largest: number; sumOfOthers: number };
}

/** Accuracy under one margin-loss attack at one ε, and the shares of images with an exactly zero input gradient. */
export interface AttackRecord {
  epsilon: number;
  accuracy: number;
  n: number;
  zeroGradientShare: { margin: number; crossEntropy: number };
}

/** Accuracy of a model on FGSM examples crafted on another seed's model of the same method. */
export interface TransferRecord {
  epsilon: number;
  /** This model's accuracy on the transferred examples. */
  accuracy: number;
  /** The source model's own accuracy on them (its white-box FGSM). */
  sourceAccuracy: number;
  /** The seed of the source model. */
  sourceSeed: number;
  n: number;
}

/** Test accuracy under FGSM at one ε. */
export interface FgsmRecord {
  epsilon: number;
  accuracy: number;
  n: number;
}

/** One model trained with one seed. */
export interface ModelRun {
  seed: number;
  configHash: string;
  /** The model's full config (architecture, data, training, seed, backend) as hashed for the cache. */
  config: ModelJob;
  metrics: ModelMetrics;
  reliability: ReliabilityBin[];
  history: HistoryRecord[];
  analysis: ModelAnalysis;
  fgsm?: FgsmRecord[];
  /** Margin-loss FGSM (whole test set) and PGD (a prefix of it) per ε. */
  attacks?: { fgsm: AttackRecord[]; pgd: AttackRecord[] };
  /** FGSM examples of another seed's model of the same method, classified by this one. */
  transfer?: TransferRecord[];
  /** Test accuracy per deformed copy of the test set (names: 'rotation-20', 'shear-28.6', 'zoom-0.6', ...). */
  deformations?: Array<{ name: string; accuracy: number; n: number }>;
}

/** One model of an experiment, trained once per seed (runs in seed order). */
export interface ModelResults {
  model: string;
  label: string;
  mixing: Mixing;
  runs: ModelRun[];
}

export interface FigureRecord {
  /** Relative to the output folder, e.g. figures/spiral-confidence.svg. */
  path: string;
  caption: string;
  sha256: string;
}

/** Where and how the run happened. Excluded from determinism: two runs differ here only. */
export interface Environment {
  node: string;
  platform: string;
  cpus: number;
  backend: {
    name: string;
    requested: string;
    threads: number;
    simd?: boolean;
    fastMatMul?: boolean;
    tfjsVersion: string;
  };
  packages: Record<string, string>;
  git: { commit: string | null; dirty: boolean | null };
  workers: number;
  startedAt: string;
  finishedAt: string;
  /** Wall-clock of the whole run that wrote this file (all experiments of that run; merged: the slowest shard). */
  runSeconds: number;
  /** A merged run: the shards it was made of. */
  shards?: Array<{ index: number; count: number; folder: string; models: number; runSeconds: number; machine: string }>;
  /**
   * Training time per model and seed (key 'model/seed-N'); `cached` means this run reused a model
   * trained earlier (its original time shown).
   */
  models: Record<string, { seconds: number; cached: boolean; epochSeconds: number[] }>;
}

/** results/<experiment>.json; `config` is the experiment's settings in the profile. */
export interface ExperimentResults<Settings = unknown> {
  schemaVersion: number;
  experiment: string;
  profile: ProfileName;
  profileDescription: string;
  /** Every model was trained once with each of these seeds; models share a seed's weights, data and order. */
  seeds: number[];
  config: Settings;
  models: ModelResults[];
  claims: Claim[];
  figures: FigureRecord[];
  environment: Environment;
}

/** results/<experiment>.json: the default profile's largest, five seeds of five models, is under 1 MB. */
export const MAX_RESULTS_BYTES = 64 * 1024 * 1024;
/** results/<experiment>.arrays.json: a few grids and point sets (the paper profile's spiral: about 1 MB). */
export const MAX_FIGURE_ARRAYS_BYTES = 64 * 1024 * 1024;

export function resultsPath(experiment: string): string {
  return `results/${experiment}.json`;
}

/**
 * The form of every figure name of `experiment` in figures/: `<experiment>-<lowercase words>.svg`, a
 * plain file name. Names made from a results or arrays file are checked against it before any path is.
 */
export function figureNamePattern(experiment: string): RegExp {
  return new RegExp(`^${experiment}-[a-z0-9]+(?:-[a-z0-9]+)*\\.svg$`);
}

/** The arrays an experiment's figures need beyond its results file (its `Arrays`, see experiments/experiment.ts). */
export function figureArraysPath(experiment: string): string {
  return `results/${experiment}.arrays.json`;
}

/** The key of a model's training time in `environment.models`. */
export function runKey(model: string, seed: number): string {
  return `${model}/seed-${seed}`;
}
