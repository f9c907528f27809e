import type { SeedAnalysis, TrainedModel } from '../analyze-common.js';
import type { ClaimSpec } from '../claims.js';
import type { FigureSpec } from '../figure-spec.js';
import type { ModelJob } from '../model-job.js';
import type { ProfileName } from '../profiles.js';
import type { ExperimentResults, ModelRun } from '../results.js';

/** What every model of one experiment and seed shares besides the settings. */
export interface RunContext {
  /** The experiment's name (each job carries it: job keys, cache folders, results). */
  experiment: string;
  seed: number;
  /** The backend actually used (resolved from auto). */
  backend: string;
  /** Fingerprint of the training code (code-fingerprint.ts). */
  code: string;
}

/** What an experiment's own figures need besides its results and arrays. */
export interface FigureContext {
  /** The arrays file, for error messages. */
  file: string;
  /** Appended to captions of single-seed figures: '; seed 0, one of 5' (empty with one seed). */
  suffix: string;
}

/**
 * One experiment, everything about it in one place: its settings in each profile, the models it trains,
 * what it computes from them per seed, the claims it judges, its figures and its README statistics.
 * The generic code (plan, publish, --check, README) reaches an experiment only through this interface
 * and the registry (experiments/registry.ts), so adding an experiment is one module and one line there.
 *
 * `Settings` is the experiment's config (the results' `config`); `Arrays` what its figures need beyond
 * the results file (results/<name>.arrays.json). Members taking them are methods on purpose: the
 * registry lists experiments of different settings as `AnyExperiment`, and method parameters let a
 * typed experiment stand in for it. The generic code only ever hands an experiment its own settings
 * (from `settings`, or from a results file whose `experiment` field names it) and its own arrays.
 */
export interface Experiment<Settings, Arrays extends object = Record<string, never>, Name extends string = string> {
  /** Names results/<name>.json, figures, the README block and --only: lowercase words joined by '-'. */
  readonly name: Name;
  /** Starts every caption and figure title, e.g. 'Two spirals'. */
  readonly title: string;
  /** The experiment's settings in each profile (`paper`: the seed's own). */
  readonly settings: Readonly<Record<ProfileName, Settings>>;
  /** Seeds per profile (seeds 0..n-1), unless --seeds overrides them; absent: the profile's (profiles.ts). */
  readonly seeds?: Readonly<Record<ProfileName, number>>;
  /**
   * Runs only when named with --only (its data is not installed by the README's commands); a run of
   * every experiment leaves it out.
   */
  readonly optIn?: true;
  /** Throws, saying which file is missing and how to get it, when the experiment's data is absent (plan time). */
  checkData?(): void;
  /** The models of one seed, in the order the README lists them (baseline first). */
  jobs(settings: Settings, run: RunContext): ModelJob[];
  /** One seed's trained models (in `jobs` order): per-model statistics and the figures' arrays. */
  analyzeSeed(models: readonly TrainedModel[], settings: Settings, seed: number): SeedAnalysis<Arrays>;
  /**
   * Statistics of each run that need another seed's trained model (the generalisation experiment's
   * transfer attack), computed in the parent once every seed is trained: per seed (in `bySeed` order),
   * per model (in `jobs` order), fields added to that run before the claims are judged.
   */
  acrossSeeds?(
    bySeed: ReadonlyArray<{ seed: number; models: readonly TrainedModel[] }>,
    settings: Settings,
  ): Promise<Array<Array<Partial<ModelRun>>>>;
  /** The claims judged over the seeds. */
  claims(settings: Settings): ClaimSpec[];
  /** Figures of the first seed drawn before the reliability and metrics figures every experiment gets. */
  figures(results: ExperimentResults<Settings>, arrays: Arrays, context: FigureContext): FigureSpec[];
  /** Figures over every seed drawn after them (none if absent). */
  summaryFigures?(results: ExperimentResults<Settings>): FigureSpec[];
  /** The README block's statistics, between the metrics table and the figures. */
  statistics(results: ExperimentResults<Settings>): string;
  /** How the method differs from the seed's code in every profile: [what, the seed, here]. */
  readonly methodDifferences: ReadonlyArray<readonly [string, string, string]>;
  /**
   * Made-up statistics (of model `model`, 0 = the first, with seed `seed`) and figure arrays of the
   * shapes `analyzeSeed` produces: tests render, draw and check an experiment without training it.
   */
  readonly synthetic: {
    run(
      model: number,
      seed: number,
      settings: Settings,
    ): Pick<ModelRun, 'analysis'> &
      Partial<Pick<ModelRun, 'fgsm' | 'attacks' | 'transfer' | 'deformations' | 'history'>>;
    arrays(models: number, settings: Settings): Arrays;
  };
}

/** Any registered experiment, whatever its settings (see the note on `Experiment`). */
export type AnyExperiment = Experiment<unknown, object>;
