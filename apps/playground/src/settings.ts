// Everything that decides what trains. Its home in the address is settings-query.ts: a link reproduces a setting.

export const DATASETS = ['spirals', 'moons', 'circles', 'xor'] as const;
export type DatasetName = (typeof DATASETS)[number];
export const LAMBDA_MODES = ['batch', 'example'] as const;
export type LambdaMode = (typeof LAMBDA_MODES)[number];
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** A point the visitor added by clicking a map: it joins the training set. */
export interface AddedPoint {
  x: number;
  y: number;
  label: 0 | 1;
}

export interface Settings {
  data: DatasetName;
  /** Training points per class. */
  points: number;
  /** Training share of all points, in percent: the test set has points * (100 - ratio) / ratio per class. */
  ratio: number;
  noise: number;
  alpha: number;
  /**
   * Where the mixup model may mix, as indices of the places between layers: 0 is the input (input mixup),
   * i ≥ 1 the output of hidden layer i (manifold mixup). Sorted, each ≤ hiddenLayers(settings).
   */
  mix: number[];
  /** The hidden layers' activation function (both models; the bottleneck, if any, is linear). */
  act: Activation;
  width: number;
  /** Hidden layers of `width` units. */
  depth: number;
  /** A 2-unit linear layer after the first ⌈depth / 2⌉ hidden layers, as in the paper's figure 1. */
  bottleneck: boolean;
  lr: number;
  batch: number;
  lambda: LambdaMode;
  /** L2 penalty on the baseline's kernels (the paper's "weight decay" baseline); 0: none. */
  l2: number;
  /** Dropout rate after each of the baseline's hidden layers (the paper's "dropout" baseline); 0: none. */
  dropout: number;
  seed: number;
  added: AddedPoint[];
}

// The choices the selects offer; an address value outside them falls back to the default.
export const CHOICES = {
  points: [50, 100, 200, 400, 800],
  ratio: [10, 20, 30, 40, 50, 60, 70, 80, 90],
  width: [8, 16, 32, 64, 128],
  depth: [1, 2, 3, 4, 5, 6],
  lr: [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1],
  batch: [8, 16, 32, 64, 128],
  l2: [0, 0.0001, 0.001, 0.01, 0.1],
  dropout: [0, 0.1, 0.2, 0.3, 0.5],
} as const;

/** Each data set's noise where the datasets package puts it (uniform jitter for spirals, Gaussian sd otherwise). */
export const DEFAULT_NOISE: Record<DatasetName, number> = { spirals: 0.9, moons: 0.1, circles: 0.05, xor: 0.05 };
export const NOISE_RANGE = { min: 0, max: 3 } as const;
// Beta(α, α) needs α > 0; past 10 it is λ ≈ 0.5 every time.
export const ALPHA_RANGE = { min: 0.05, max: 10 } as const;
export const SEED_RANGE = { min: 0, max: 2 ** 31 - 1 } as const;
/** More clicked points than this would make the address unwieldy. */
export const MAX_ADDED = 200;

/**
 * Light enough that an epoch of both models takes well under a second in a browser, so the maps move visibly;
 * mixing after every hidden layer (manifold mixup), not at the input.
 */
export const DEFAULTS: Settings = {
  data: 'spirals',
  points: 200,
  ratio: 50,
  noise: DEFAULT_NOISE.spirals,
  alpha: 1,
  mix: [1, 2, 3],
  act: 'relu',
  width: 64,
  depth: 3,
  bottleneck: false,
  lr: 0.003,
  batch: 32,
  lambda: 'batch',
  l2: 0,
  dropout: 0,
  seed: 0,
  added: [],
};

/** Hidden layers in all, the bottleneck included: the places are 0 (input) to this. */
export function hiddenLayers(settings: Pick<Settings, 'depth' | 'bottleneck'>): number {
  return settings.depth + (settings.bottleneck ? 1 : 0);
}

/** The place whose output is the bottleneck's 2-D code, or null without one. */
export function bottleneckPlace(settings: Pick<Settings, 'depth' | 'bottleneck'>): number | null {
  return settings.bottleneck ? Math.ceil(settings.depth / 2) + 1 : null;
}

/** Units of each hidden layer in order (place i is the output of entry i - 1). */
export function hiddenWidths(settings: Pick<Settings, 'depth' | 'bottleneck' | 'width'>): number[] {
  const widths = Array.from({ length: settings.depth }, () => settings.width);
  const place = bottleneckPlace(settings);
  if (place != null) widths.splice(place - 1, 0, 2);
  return widths;
}

/** The name of mixing place i: 0 is the input, i ≥ 1 the output of hidden layer i. */
export function placeName(i: number): string {
  return i === 0 ? 'input' : `h${i}`;
}

/** Test points per class for a setting: as many as training points at the default 50%. */
export function testPoints(settings: Pick<Settings, 'points' | 'ratio'>): number {
  return Math.round((settings.points * (100 - settings.ratio)) / settings.ratio);
}
