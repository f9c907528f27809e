import { intervalSeries } from '../common-figures.js';
import type { DenseSpec, MnistSettings, TrainingSettings } from '../model-job.js';
import type { ExperimentResults } from '../results.js';
import type { FigureSpec } from '../figure-spec.js';
import { bottleneck12dClaimSpecs } from './bottleneck-12d-claims.js';
import { analyzeSpectra, syntheticSpectrum } from './bottleneck-12d-spectra.js';
import { fgsmTable, spectraStatistics } from './bottleneck-12d-tables.js';
import type { Experiment } from './experiment.js';
import { DIGITS, FULL_MNIST, MNIST_PIXELS, MNIST_TRAINING, mnistData, QUICK_MNIST } from './mnist.js';
import { hidden, modelJob, output, VARIANTS, type Variant } from './model-parts.js';

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

const paper: Bottleneck12dSettings = {
  width: 1024,
  encoderLayers: 3,
  decoderLayers: 4,
  alpha: 2,
  mnist: FULL_MNIST,
  spectraPerClass: null,
  weightDecay: 5e-5,
  dropoutRate: 0.2,
  fgsmEpsilons: [0, 0.05, 0.1, 0.2, 0.3],
  relativeThreshold: 0.1,
  training: MNIST_TRAINING.paper,
};

const VARIANT_ORDER = ['baseline', 'input-mixup', 'manifold-mixup', 'weight-decay', 'dropout'] as const;

/** Test accuracy against FGSM strength per model: mean over seeds with its 95% interval. */
function fgsmFigure(results: ExperimentResults): FigureSpec {
  const seeds = results.seeds.length;
  return {
    name: 'bottleneck-12d-fgsm.svg',
    caption: `MNIST, 12-D bottleneck: test accuracy under FGSM against ε (mean over ${seeds} seeds; band: 95% interval)`,
    kind: 'intervalCurves',
    data: results.models.map((m) =>
      intervalSeries(
        m.label,
        (m.runs[0].fgsm ?? []).map((p) => p.epsilon),
        (e) => m.runs.map((r) => (r.fgsm ?? [])[e].accuracy),
      ),
    ),
    options: {
      title: 'MNIST, 12-D bottleneck: accuracy under FGSM',
      xLabel: 'ε (pixels in [0, 1])',
      yLabel: 'test accuracy',
      yDomain: [0, 1],
    },
  };
}

/**
 * MNIST through a 12-D bottleneck: baseline, input mixup, manifold mixup of the codes, weight decay and
 * dropout; per-class spectra of the codes (section 3.2's flattening, Corollary 1, appendix G) and FGSM robustness.
 */
export const bottleneck12d: Experiment<Bottleneck12dSettings, Record<string, never>, 'bottleneck-12d'> = {
  name: 'bottleneck-12d',
  title: 'MNIST, 12-D bottleneck',
  settings: {
    quick: {
      ...paper,
      width: 64,
      mnist: QUICK_MNIST,
      spectraPerClass: 100,
      training: MNIST_TRAINING.quick,
    },
    default: { ...paper, width: 256, training: MNIST_TRAINING.default },
    paper,
  },

  jobs(s, run) {
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
    return VARIANT_ORDER.map((variant) =>
      modelJob(run, variant, {
        data: mnistData(s.mnist, run.seed),
        inputSize: MNIST_PIXELS,
        layers: layers(variant),
        alpha: s.alpha,
        training: s.training,
        outputs: {
          codes: { denseIndex: s.encoderLayers, perClass: s.spectraPerClass },
          fgsm: { epsilons: s.fgsmEpsilons, clip: [0, 1] },
        },
      }),
    );
  },

  analyzeSeed: (models, s) => analyzeSpectra(models, s.relativeThreshold),

  claims: (s) => bottleneck12dClaimSpecs(s),

  figures(results, _arrays, { suffix }) {
    return [
      {
        name: 'bottleneck-12d-spectra.svg',
        caption:
          "MNIST, 12-D bottleneck: singular values of each digit's training codes " +
          `(uncentred, divided by √n; log scale), per model${suffix}`,
        kind: 'spectraSmallMultiples',
        data: results.models.map((m) => ({
          model: m.label,
          perClass: (m.runs[0].analysis.spectra?.normalized.perClass ?? []).map((c) => ({
            label: c.label,
            singularValues: c.singularValues,
          })),
        })),
        options: {
          title: 'Singular values of the 12-D codes per digit (÷√n, log scale)',
          yScale: 'log',
          classNames: DIGITS.map((d) => `digit ${d}`),
        },
      },
    ];
  },

  summaryFigures: (results) => [fgsmFigure(results)],

  statistics: (results) => `${spectraStatistics(results)}\n\n${fgsmTable(results)}`,

  methodDifferences: [
    [
      'manifold mixup layer',
      'the bottleneck itself was eligible, so its 1024-D input was mixed',
      'the layer after the bottleneck is eligible: the 12-D codes are mixed (paper, appendix G)',
    ],
    ['baseline epochs', '6 (input and manifold mixup: 24)', 'the same for every model'],
    [
      'models',
      'baseline, input mixup, manifold mixup',
      "also weight decay and dropout (the paper's section 3.2 comparison); FGSM accuracy of every model",
    ],
  ],

  synthetic: {
    // Manifold mixup (model 2) has the flattest spectra, by an amount varying with the seed; FGSM
    // accuracy falls with ε, more slowly for later models.
    run: (i, s, settings) => {
      const scale = i === 2 ? 1 + s / 10 : 3 + i;
      return {
        analysis: {
          spectra: {
            raw: syntheticSpectrum(scale),
            normalized: syntheticSpectrum(scale / 10),
            centeredNormalized: syntheticSpectrum(scale / 20),
          },
        },
        fgsm: settings.fgsmEpsilons.map((epsilon) => ({
          epsilon,
          accuracy: Math.max(0, 0.9 - epsilon * (2 - i / 4)),
          n: 500,
        })),
      };
    },
    arrays: () => ({}),
  },
};
