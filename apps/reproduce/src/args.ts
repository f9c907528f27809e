import { parseArgs } from 'node:util';
import { parseShard, type ShardSpec } from './shards.js';
import { DEFAULT_EXPERIMENTS, EXPERIMENT_NAMES, type ExperimentName } from './experiments/registry.js';
import { MAX_SEEDS, PROFILE_NAMES, type ProfileName } from './profiles.js';

export const BACKEND_NAMES = ['auto', 'wasm', 'cpu', 'tensorflow'] as const;
export type BackendChoice = (typeof BACKEND_NAMES)[number];

export interface CliOptions {
  profile: ProfileName;
  experiments: ExperimentName[];
  /** Seeds to train every model with; null: the profile's count, 0..n-1. */
  seeds: number[] | null;
  /** Train only this share of the jobs and write a shard.json for `merge` (null: everything). */
  shard: ShardSpec | null;
  /** Folder of trained models (null: <out>/.reproduce-cache); shards may share one, merge reads it. */
  cache: string | null;
  /** `merge DIR...`: the shard folders to combine (null: not a merge). */
  merge: string[] | null;
  /** Folder holding figures/, results/ and README.md (absolute). */
  out: string;
  backend: BackendChoice;
  /** null: decide from the backend (cores for single-threaded wasm/cpu, 1 for tensorflow). */
  workers: number | null;
  png: boolean;
  check: boolean;
  validate: boolean;
  help: boolean;
}

/** A mistake on the command line: the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const OPTIONS = {
  profile: { type: 'string', default: 'default' },
  only: { type: 'string' },
  seeds: { type: 'string' },
  shard: { type: 'string' },
  cache: { type: 'string' },
  out: { type: 'string' },
  backend: { type: 'string', default: 'auto' },
  workers: { type: 'string' },
  png: { type: 'boolean', default: false },
  check: { type: 'boolean', default: false },
  validate: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export const FLAG_NAMES: readonly string[] = Object.keys(OPTIONS).map((name) => `--${name}`);

function oneOf<T extends string>(flag: string, value: string, valid: readonly T[]): T {
  if ((valid as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag}: unknown value '${value}'; valid: ${valid.join(', ')}`);
}

function integer(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new UsageError(`${flag}: expected an integer >= ${min}, found '${value}'`);
  }
  return n;
}

const SEEDS_EXPECTED = 'a seed count >= 1 (seeds 0..N-1) or a comma-separated list of distinct integers >= 0';

/** `--seeds 5` means seeds 0-4; `--seeds 3,7,11` those seeds, in that order. */
export function parseSeeds(value: string): number[] {
  const text = value.trim();
  if (/^\d+$/.test(text) && !text.includes(',')) {
    const count = Number(text);
    if (!Number.isSafeInteger(count) || count < 1 || count > MAX_SEEDS)
      throw new UsageError(`--seeds: expected ${SEEDS_EXPECTED}; found '${value}'`);
    return Array.from({ length: count }, (_, i) => i);
  }
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length < 2 || parts.some((p) => !/^\d+$/.test(p) || !Number.isSafeInteger(Number(p))))
    throw new UsageError(`--seeds: expected ${SEEDS_EXPECTED}; found '${value}'`);
  const seeds = parts.map(Number);
  const repeated = seeds.find((s, i) => seeds.indexOf(s) !== i);
  if (repeated !== undefined)
    throw new UsageError(`--seeds: seed ${repeated} is listed twice; expected ${SEEDS_EXPECTED}`);
  return seeds;
}

/** Parses argv (without node and the script) into validated options; throws UsageError on anything unknown. */
export function parseCliArgs(argv: readonly string[], defaults: { out: string }): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`unknown flag '${unknown[1]}'; valid flags: ${FLAG_NAMES.join(', ')}`);
    throw new UsageError(message);
  }
  const v = parsed.values;
  const positionals = parsed.positionals;
  if (positionals.length > 0 && positionals[0] !== 'merge')
    throw new UsageError(`unexpected argument '${positionals[0]}'; the only command is 'merge DIR...'`);
  const merge = positionals[0] === 'merge' ? positionals.slice(1) : null;
  if (merge !== null && merge.length === 0)
    throw new UsageError("merge: give the --out folders of the shards, e.g. 'merge out/1 out/2 out/3'");
  let shard: ShardSpec | null = null;
  if (v.shard !== undefined) {
    const parsedShard = parseShard(v.shard);
    if (typeof parsedShard === 'string') throw new UsageError(`--shard: ${parsedShard}`);
    shard = parsedShard;
  }
  if (shard && merge) throw new UsageError('--shard and merge do not go together: merge combines finished shards');
  const experiments =
    v.only === undefined
      ? [...DEFAULT_EXPERIMENTS]
      : v.only
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '')
          .map((s) => oneOf('--only', s, EXPERIMENT_NAMES));
  if (experiments.length === 0)
    throw new UsageError(`--only: no experiment given; valid: ${EXPERIMENT_NAMES.join(', ')}`);
  const unique = EXPERIMENT_NAMES.filter((name) => experiments.includes(name));
  return {
    profile: oneOf('--profile', v.profile, PROFILE_NAMES),
    experiments: unique,
    seeds: v.seeds === undefined ? null : parseSeeds(v.seeds),
    shard,
    cache: v.cache ?? null,
    merge,
    out: v.out ?? defaults.out,
    backend: oneOf('--backend', v.backend, BACKEND_NAMES),
    workers: v.workers === undefined ? null : integer('--workers', v.workers, 1),
    png: v.png,
    check: v.check,
    validate: v.validate,
    help: v.help,
  };
}

export const HELP = `manifold-mixup-reproduce: retrain every model and regenerate every figure and number of the README

Usage: manifold-mixup-reproduce [flags]
       manifold-mixup-reproduce merge DIR... [--out <dir>] [--cache <dir>] [--png] [--validate]

  --profile <name>     ${PROFILE_NAMES.join(' | ')} (default: default)
                         quick:   tiny models, the whole pipeline in < 2 minutes (CI)
                         default: what the README shows, < 60 minutes on 2 cores (5 seeds)
                         paper:   the seed's hyperparameters (1024-wide, 24 epochs, full data): hours on wasm
  --only <list>        comma-separated experiments: ${EXPERIMENT_NAMES.join(', ')}
                       (default: ${DEFAULT_EXPERIMENTS.join(', ')}; the others run only when named here)
  --seeds <n|list>     train every model once per seed: a count n (seeds 0..n-1) or a list such as 0,1,2
                       (default: the experiment's own count in the profile, e.g. quick 2, default 5 (generalisation
                       10), paper 3); a seed fixes data splits, initial
                       weights, order and mixing, shared by every model of an experiment (paired comparisons)
  --out <dir>          folder for figures/, results/, README.md and .reproduce-cache/ (default: the repo root)
  --backend <name>     ${BACKEND_NAMES.join(' | ')} (default: auto = tensorflow if it loads, else wasm, else cpu)
  --workers <n>        models trained in parallel processes, each on one thread (default: the core count
                       for wasm/cpu, 1 for tensorflow)
  --shard <i/n>        train only shard i of n (jobs split by estimated cost, the same on every machine) into
                       --out, writing <out>/shard.json instead of figures, results and README
  --cache <dir>        folder of trained models (default: <out>/.reproduce-cache); shards may share one, and
                       merge reads a cache outside a shard's folder only when given it with --cache
  merge DIR...         check that DIR... are all the shards of one run (same profile, seeds, code; each job
                       once, in the shard the plan puts it) and write figures/, results/ and README.md into
                       --out, as an unsharded run would
  --png                also write a PNG beside every SVG figure
  --check              train nothing: verify that README.md, figures/ and results/ in --out agree; exit 1 otherwise
  --validate           after the run, verify every expected figure and result exists and is valid; exit 1 otherwise
  -h, --help           this text

Finished models are cached in <out>/.reproduce-cache/<hash of config, seed, backend>/; an interrupted run
resumes from the last epoch checkpoint and gives the same results as an uninterrupted one.
`;
