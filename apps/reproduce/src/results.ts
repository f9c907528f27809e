import type { ReliabilityBin } from '@manifold-mixup/analysis';
import type { EpochRecord } from '@manifold-mixup/mixup-core';
import type { Mixing, ModelJob } from './model-job.js';
import type { ExperimentName, Profile, ProfileName } from './profiles.js';

export const SCHEMA_VERSION = 1;

/** A claim of the paper and whether this run's numbers support it (computed, never asserted). */
export interface Claim {
  id: string;
  statement: string;
  /** Where the claim comes from (paper section, theorem, literature). */
  source: string;
  /** The numbers behind the verdict, in words. */
  evidence: string;
  supported: boolean;
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
  margins?: {
    digits: string;
    n: number;
    meanMargin: number;
    minMargin: number;
    closestPairDistanceP05: number;
    silhouette: number;
  }[];
  spectra?: { raw: SpectrumTable; normalized: SpectrumTable; centeredNormalized: SpectrumTable };
}

export interface ModelResults {
  model: string;
  label: string;
  mixing: Mixing;
  configHash: string;
  /** The model's full config (architecture, data, training, seed, backend) as hashed for the cache. */
  config: ModelJob;
  metrics: ModelMetrics;
  reliability: ReliabilityBin[];
  history: HistoryRecord[];
  analysis: ModelAnalysis;
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
  /** Wall-clock of the whole run that wrote this file (all experiments of that run). */
  runSeconds: number;
  /** Training time per model; `cached` means this run reused a model trained earlier (its original time shown). */
  models: Record<string, { seconds: number; cached: boolean; epochSeconds: number[] }>;
}

export interface ExperimentResults {
  schemaVersion: number;
  experiment: ExperimentName;
  profile: ProfileName;
  profileDescription: string;
  seed: number;
  config: Profile[ExperimentName];
  models: ModelResults[];
  claims: Claim[];
  figures: FigureRecord[];
  environment: Environment;
}

export function resultsPath(experiment: ExperimentName): string {
  return `results/${experiment}.json`;
}
