import type { DataSpec, DenseSpec, Mixing, ModelJob } from './model-job.js';
import type { ExperimentName, MnistSettings, Profile } from './profiles.js';

const LEAKY_RELU_ALPHA = 0.3;
const MNIST_PIXELS = 784;

const MODEL_LABELS: Record<Mixing, { model: string; label: string }> = {
  none: { model: 'baseline', label: 'baseline' },
  input: { model: 'input-mixup', label: 'input mixup' },
  manifold: { model: 'manifold-mixup', label: 'manifold mixup' },
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
    return (['none', 'manifold'] as const).map((mixing) => ({
      ...common,
      ...MODEL_LABELS[mixing],
      mixing,
      data,
      inputSize: 2,
      layers: layers(mixing),
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
    return (['none', 'manifold'] as const).map((mixing) => ({
      ...common,
      ...MODEL_LABELS[mixing],
      mixing,
      data: mnistData(s.mnist, seed),
      inputSize: MNIST_PIXELS,
      layers: layers(mixing),
      alpha: s.alpha,
      training: s.training,
      outputs: { codes: { denseIndex: 2, perClass: s.scatterPerClass } },
    }));
  }
  const s = profile['bottleneck-12d'];
  // Manifold mixup mixes the 12-D codes (the layer after the bottleneck is eligible), as the paper's
  // appendix G; the seed flagged the bottleneck itself and so mixed its 1024-D input.
  const layers = (mixing: Mixing): DenseSpec[] => [
    ...Array.from({ length: s.encoderLayers }, (_, i) => hidden(s.width, mixing === 'input' && i === 0)),
    hidden(12),
    ...Array.from({ length: s.decoderLayers }, (_, i) => hidden(s.width, mixing === 'manifold' && i === 0)),
    output(10),
  ];
  return (['none', 'input', 'manifold'] as const).map((mixing) => ({
    ...common,
    ...MODEL_LABELS[mixing],
    mixing,
    data: mnistData(s.mnist, seed),
    inputSize: MNIST_PIXELS,
    layers: layers(mixing),
    alpha: s.alpha,
    training: s.training,
    outputs: { codes: { denseIndex: s.encoderLayers, perClass: s.spectraPerClass } },
  }));
}
