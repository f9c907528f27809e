// Everything that decides what trains, and its home in the page's query string: a link reproduces a setting.

export const DATASETS = ['spirals', 'moons', 'circles', 'xor'] as const;
export type DatasetName = (typeof DATASETS)[number];
export const LAMBDA_MODES = ['batch', 'example'] as const;
export type LambdaMode = (typeof LAMBDA_MODES)[number];

export interface Settings {
  data: DatasetName;
  /** Training points per class; the test set is drawn the same way, as large. */
  points: number;
  noise: number;
  alpha: number;
  /**
   * Where the mixup model may mix, as indices of the places between layers: 0 is the input (input mixup),
   * i ≥ 1 the output of hidden layer i (manifold mixup). Sorted, each < depth + 1.
   */
  mix: number[];
  width: number;
  /** Hidden layers. */
  depth: number;
  lr: number;
  batch: number;
  lambda: LambdaMode;
  seed: number;
}

// The choices the selects offer; a URL value outside them falls back to the default.
export const CHOICES = {
  points: [50, 100, 200, 400, 800],
  width: [8, 16, 32, 64, 128],
  depth: [1, 2, 3, 4, 5, 6],
  lr: [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1],
  batch: [8, 16, 32, 64, 128],
} as const;

/** Each data set's noise where the datasets package puts it (uniform jitter for spirals, Gaussian sd otherwise). */
export const DEFAULT_NOISE: Record<DatasetName, number> = { spirals: 0.9, moons: 0.1, circles: 0.05, xor: 0.05 };
export const NOISE_RANGE = { min: 0, max: 3 } as const;
// Beta(α, α) needs α > 0; past 10 it is λ ≈ 0.5 every time.
export const ALPHA_RANGE = { min: 0.05, max: 10 } as const;
export const SEED_RANGE = { min: 0, max: 2 ** 31 - 1 } as const;

/**
 * Light enough that an epoch of both models takes well under a second in a browser, so the maps move visibly;
 * mixing after every hidden layer (manifold mixup), not at the input.
 */
export const DEFAULTS: Settings = {
  data: 'spirals',
  points: 200,
  noise: DEFAULT_NOISE.spirals,
  alpha: 1,
  mix: [1, 2, 3],
  width: 64,
  depth: 3,
  lr: 0.003,
  batch: 32,
  lambda: 'batch',
  seed: 0,
};

function oneOf<T>(value: string | null, options: readonly T[], parse: (s: string) => T, fallback: T): T {
  if (value == null) return fallback;
  const parsed = parse(value);
  return options.includes(parsed) ? parsed : fallback;
}

function inRange(value: string | null, range: { min: number; max: number }, fallback: number): number {
  if (value == null || value.trim() === '') return fallback;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= range.min && parsed <= range.max ? parsed : fallback;
}

/** The mixing places of a `mix` parameter ("1,2,3"; "" for none) that exist in a network of `depth` hidden layers. */
export function parseMix(value: string | null, depth: number, fallback: readonly number[]): number[] {
  if (value == null) return fallback.filter((i) => i <= depth);
  const places = value
    .split(',')
    .filter((part) => part.trim() !== '')
    .map(Number)
    .filter((i) => Number.isInteger(i) && i >= 0 && i <= depth);
  return [...new Set(places)].sort((a, b) => a - b);
}

/** Settings from a query string; a missing or invalid value takes its default (the data set's own noise). */
export function parseSettings(query: URLSearchParams | string): Settings {
  const q = typeof query === 'string' ? new URLSearchParams(query) : query;
  const data = oneOf<DatasetName>(q.get('data'), DATASETS, (s) => s as DatasetName, DEFAULTS.data);
  const depth = oneOf(q.get('depth'), CHOICES.depth, Number, DEFAULTS.depth);
  const seed = inRange(q.get('seed'), SEED_RANGE, DEFAULTS.seed);
  return {
    data,
    points: oneOf(q.get('points'), CHOICES.points, Number, DEFAULTS.points),
    noise: inRange(q.get('noise'), NOISE_RANGE, DEFAULT_NOISE[data]),
    alpha: inRange(q.get('alpha'), ALPHA_RANGE, DEFAULTS.alpha),
    mix: parseMix(q.get('mix'), depth, DEFAULTS.mix),
    width: oneOf(q.get('width'), CHOICES.width, Number, DEFAULTS.width),
    depth,
    lr: oneOf(q.get('lr'), CHOICES.lr, Number, DEFAULTS.lr),
    batch: oneOf(q.get('batch'), CHOICES.batch, Number, DEFAULTS.batch),
    lambda: oneOf<LambdaMode>(q.get('lambda'), LAMBDA_MODES, (s) => s as LambdaMode, DEFAULTS.lambda),
    seed: Number.isInteger(seed) ? seed : DEFAULTS.seed,
  };
}

/** The query string of a setting, every field written, so a link keeps meaning the same if defaults change. */
export function settingsToQuery(settings: Settings): string {
  const q = new URLSearchParams({
    data: settings.data,
    points: String(settings.points),
    noise: String(settings.noise),
    alpha: String(settings.alpha),
    mix: settings.mix.join(','),
    width: String(settings.width),
    depth: String(settings.depth),
    lr: String(settings.lr),
    batch: String(settings.batch),
    lambda: settings.lambda,
    seed: String(settings.seed),
  });
  // Keep the commas of `mix` readable in the address bar.
  return q.toString().replaceAll('%2C', ',');
}
