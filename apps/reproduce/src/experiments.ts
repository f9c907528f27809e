import type { DataSpec, DenseSpec, Mixing, ModelJob } from './model-job.js';
import type { ExperimentName, MnistSettings, Profile } from './profiles.js';

const LEAKY_RELU_ALPHA = 0.3;
const MNIST_PIXELS = 784;

/** A model of an experiment: how it mixes, or which classic regulariser it uses instead. */
type Variant = 'baseline' | 'input-mixup' | 'manifold-mixup' | 'weight-decay' | 'dropout';

const VARIANTS: Record<Variant, { model: Variant; label: string; mixing: Mixing }> = {
  baseline: { model: 'baseline', label: 'baseline', mixing: 'none' },
  'input-mixup': { model: 'input-mixup', label: 'input mixup', mixing: 'input' },
  'manifold-mixup': { model: 'manifold-mixup', label: 'manifold mixup', mixing: 'manifold' },
  'weight-decay': { model: 'weight-decay', label: 'weight decay', mixing: 'none' },
  dropout: { model: 'dropout', label: 'dropout', mixing: 'none' },
};

function hidden(units: number, eligible = false): DenseSpec {
  return { units, activation: 'leakyRelu', eligible };
}

function output(units: number, eligible = false): DenseSpec {
  return { units, activation: 'softmax', eligible };
}

function mnistData(settings: MnistSettings, seed: number): DataSpec {
  return { kind: 'mnist', seed, ...settings };
}

/** What every model of a run shares besides the profile: seed, resolved backend, code fingerprint. */
export interface RunContext {
  seed: number;
  backend: string;
  code: string;
}

/** The models of one experiment, in the order the README lists them (baseline first). */
export function experimentJobs(profile: Profile, experiment: ExperimentName, run: RunContext): ModelJob[] {
  const { seed } = run;
  const common = { experiment, leakyReluAlpha: LEAKY_RELU_ALPHA, lambdaMode: 'batch' as const, ...run };
  if (experiment === 'spiral') {
    const s = profile.spiral;
    const denseCount = s.hiddenLayers + 1;
    const layers = (mixing: Mixing): DenseSpec[] =>
      Array.from({ length: denseCount }, (_, i) => {
        const eligible = mixing === 'manifold' && i >= denseCount - s.mixedLastLayers;
        return i === denseCount - 1 ? output(2, eligible) : hidden(s.width, eligible);
      });
    const data: DataSpec = {
      kind: 'spiral',
      pointsPerClass: s.pointsPerClass,
      noise: s.noise,
      testFraction: s.testFraction,
      validationFraction: s.validationFraction,
      seed,
    };
    return (['baseline', 'manifold-mixup'] as const).map((variant) => ({
      ...common,
      ...VARIANTS[variant],
      data,
      inputSize: 2,
      layers: layers(VARIANTS[variant].mixing),
      alpha: s.alpha,
      training: s.training,
      outputs: {
        grid: { extent: s.extent, resolution: s.gridResolution },
        trainingPointsPerClass: s.plotPointsPerClass,
      },
    }));
  }
  if (experiment === 'bottleneck-2d') {
    const s = profile['bottleneck-2d'];
    // Mixing at the two layers after the bottleneck, so the 2-D codes themselves get mixed (as the seed).
    const layers = (mixing: Mixing): DenseSpec[] => [
      hidden(s.width, mixing === 'input'),
      hidden(s.width),
      hidden(2),
      hidden(s.width, mixing === 'manifold'),
      hidden(s.width, mixing === 'manifold'),
      output(10),
    ];
    return (['baseline', 'manifold-mixup'] as const).map((variant) => ({
      ...common,
      ...VARIANTS[variant],
      data: mnistData(s.mnist, seed),
      inputSize: MNIST_PIXELS,
      layers: layers(VARIANTS[variant].mixing),
      alpha: s.alpha,
      training: s.training,
      outputs: { codes: { denseIndex: 2, perClass: s.scatterPerClass } },
    }));
  }
  const s = profile['bottleneck-12d'];
  // Manifold mixup mixes the 12-D codes (the layer after the bottleneck is eligible), as the paper's
  // appendix G; the seed flagged the bottleneck itself and so mixed its 1024-D input.
  const layers = (variant: Variant): DenseSpec[] => {
    const { mixing } = VARIANTS[variant];
    const regularised = (spec: DenseSpec, wide: boolean): DenseSpec => ({
      ...spec,
      ...(variant === 'weight-decay' ? { l2: s.weightDecay } : {}),
      ...(variant === 'dropout' && wide ? { dropoutAfter: s.dropoutRate } : {}),
    });
    return [
      ...Array.from({ length: s.encoderLayers }, (_, i) =>
        regularised(hidden(s.width, mixing === 'input' && i === 0), true),
      ),
      regularised(hidden(12), false),
      ...Array.from({ length: s.decoderLayers }, (_, i) =>
        regularised(hidden(s.width, mixing === 'manifold' && i === 0), true),
      ),
      regularised(output(10), false),
    ];
  };
  const variants = ['baseline', 'input-mixup', 'manifold-mixup', 'weight-decay', 'dropout'] as const;
  return variants.map((variant) => ({
    ...common,
    ...VARIANTS[variant],
    data: mnistData(s.mnist, seed),
    inputSize: MNIST_PIXELS,
    layers: layers(variant),
    alpha: s.alpha,
    training: s.training,
    outputs: {
      codes: { denseIndex: s.encoderLayers, perClass: s.spectraPerClass },
      fgsm: { epsilons: s.fgsmEpsilons, clip: [0, 1] },
    },
  }));
}
