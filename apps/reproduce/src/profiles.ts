/**
 * The three profiles as data. `paper` is the seed's hyperparameters exactly; `default` is what the root
 * README shows (sized to finish in < 20 minutes on a 2-core machine); `quick` exercises the whole
 * pipeline in well under 2 minutes (CI). Everything a model depends on is here, so the cache key
 * (a hash of the model's full config) changes whenever a profile does.
 */

export const PROFILE_NAMES = ['quick', 'default', 'paper'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

export const EXPERIMENT_NAMES = ['spiral', 'bottleneck-2d', 'bottleneck-12d'] as const;
export type ExperimentName = (typeof EXPERIMENT_NAMES)[number];

export interface TrainingSettings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Step decay: lr x factor every `every` epochs (the seed: x0.1 after epochs 10 and 20). */
  lrSchedule: { every: number; factor: number };
}

export interface SpiralSettings {
  width: number;
  hiddenLayers: number;
  /** Hidden Dense layers (counted from the end, output included) whose inputs may be mixed. */
  mixedLastLayers: number;
  alpha: number;
  pointsPerClass: number;
  noise: number;
  testFraction: number;
  validationFraction: number;
  training: TrainingSettings;
  /** Confidence grid over [-extent, extent]^2 with `gridResolution`^2 points. */
  extent: number;
  gridResolution: number;
  /** Training points drawn on the confidence maps (the seed drew 500 per class). */
  plotPointsPerClass: number;
  confidenceThreshold: number;
}

export interface MnistSettings {
  /** Last `validationHoldOut` training images are the validation set (the seed: 10,000). */
  validationHoldOut: number;
  /** Training examples per digit (null: all 50,000). */
  trainPerClass: number | null;
  /** Validation examples used per epoch (null: all). */
  validationLimit: number | null;
  /** First `testLimit` test images (null: all 10,000). */
  testLimit: number | null;
}

export interface Bottleneck2dSettings {
  width: number;
  alpha: number;
  mnist: MnistSettings;
  training: TrainingSettings;
  /** Training points per digit in the scatter figures and margin statistics (the seed: 250). */
  scatterPerClass: number;
}

export interface Bottleneck12dSettings {
  width: number;
  encoderLayers: number;
  decoderLayers: number;
  alpha: number;
  mnist: MnistSettings;
  training: TrainingSettings;
  /** Training examples per digit whose 12-D codes are analysed (null: every training example, as the seed). */
  spectraPerClass: number | null;
  /**
   * The section 3.2 regularisers, models of their own without mixing: an L2 penalty on every Dense
   * kernel (Keras form l2 · Σw²; 5e-5 gives the gradient of the common weight decay 1e-4) and dropout
   * after every wide hidden layer (not after the 12-D codes or the output). The paper gives neither value.
   */
  weightDecay: number;
  dropoutRate: number;
  /** FGSM strengths on the test set (pixels in [0, 1]); the claim averages the non-zero ones. */
  fgsmEpsilons: number[];
  /**
   * A direction is significant when its singular value exceeds this fraction of the class's largest
   * (0.1: its variance is at least 1% of the top direction's). Chosen before any run, not tuned.
   */
  relativeThreshold: number;
}

export interface Profile {
  name: ProfileName;
  description: string;
  /** Seeds 0..seeds-1 unless --seeds says otherwise: every model is trained once per seed. */
  seeds: number;
  spiral: SpiralSettings;
  'bottleneck-2d': Bottleneck2dSettings;
  'bottleneck-12d': Bottleneck12dSettings;
}

const seedSchedule = { every: 10, factor: 0.1 };
const fullMnist: MnistSettings = {
  validationHoldOut: 10_000,
  trainPerClass: null,
  validationLimit: null,
  testLimit: null,
};

const paper: Profile = {
  name: 'paper',
  description: "the seed's hyperparameters exactly: 1024-wide layers, 24 epochs, full data",
  seeds: 3,
  spiral: {
    width: 1024,
    hiddenLayers: 7,
    mixedLastLayers: 4,
    alpha: 1,
    pointsPerClass: 2000,
    noise: 0.9,
    testFraction: 0.1,
    validationFraction: 0.1,
    training: { epochs: 24, batchSize: 20, learningRate: 1e-3, lrSchedule: seedSchedule },
    extent: 15,
    gridResolution: 300,
    plotPointsPerClass: 500,
    confidenceThreshold: 0.9,
  },
  'bottleneck-2d': {
    width: 1024,
    alpha: 1,
    mnist: fullMnist,
    scatterPerClass: 250,
    training: { epochs: 24, batchSize: 100, learningRate: 1e-3, lrSchedule: seedSchedule },
  },
  'bottleneck-12d': {
    width: 1024,
    encoderLayers: 3,
    decoderLayers: 4,
    alpha: 2,
    mnist: fullMnist,
    spectraPerClass: null,
    weightDecay: 5e-5,
    dropoutRate: 0.2,
    fgsmEpsilons: [0, 0.05, 0.1, 0.2, 0.3],
    relativeThreshold: 0.1,
    training: { epochs: 24, batchSize: 100, learningRate: 1e-3, lrSchedule: seedSchedule },
  },
};

/**
 * Five seeds of every model sized for < 60 minutes on 2 cores with 2 workers (measured times in
 * BENCHMARKS.md). Narrower layers and fewer MNIST epochs (with the step decay compressed in
 * proportion); data, depth, alpha, batch sizes and mixing layers as the seed.
 */
const defaultProfile: Profile = {
  name: 'default',
  description: 'what the README shows: narrower layers and fewer epochs than the seed, full data, 5 seeds',
  seeds: 5,
  spiral: {
    ...paper.spiral,
    width: 256,
    training: { epochs: 24, batchSize: 20, learningRate: 1e-3, lrSchedule: seedSchedule },
  },
  'bottleneck-2d': {
    ...paper['bottleneck-2d'],
    width: 256,
    training: { epochs: 6, batchSize: 100, learningRate: 1e-3, lrSchedule: { every: 3, factor: 0.1 } },
  },
  'bottleneck-12d': {
    ...paper['bottleneck-12d'],
    width: 256,
    training: { epochs: 6, batchSize: 100, learningRate: 1e-3, lrSchedule: { every: 3, factor: 0.1 } },
  },
};

const quickMnist: MnistSettings = {
  validationHoldOut: 10_000,
  trainPerClass: 100,
  validationLimit: 500,
  testLimit: 1000,
};

const quick: Profile = {
  name: 'quick',
  description: 'a smoke test of the whole pipeline: tiny layers, 2-3 epochs, an MNIST subset, 2 seeds',
  seeds: 2,
  spiral: {
    ...paper.spiral,
    width: 16,
    hiddenLayers: 7,
    pointsPerClass: 200,
    gridResolution: 40,
    plotPointsPerClass: 100,
    training: { epochs: 2, batchSize: 20, learningRate: 1e-3, lrSchedule: seedSchedule },
  },
  'bottleneck-2d': {
    ...paper['bottleneck-2d'],
    width: 64,
    mnist: quickMnist,
    scatterPerClass: 50,
    training: { epochs: 3, batchSize: 100, learningRate: 1e-3, lrSchedule: seedSchedule },
  },
  'bottleneck-12d': {
    ...paper['bottleneck-12d'],
    width: 64,
    mnist: quickMnist,
    spectraPerClass: 100,
    training: { epochs: 3, batchSize: 100, learningRate: 1e-3, lrSchedule: seedSchedule },
  },
};

export const PROFILES: Readonly<Record<ProfileName, Profile>> = { quick, default: defaultProfile, paper };

/** The seed's settings, for the README's "what differs from the seed" table. */
export const SEED_PROFILE: Profile = paper;
