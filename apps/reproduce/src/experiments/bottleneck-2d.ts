import { marginStatistics, silhouetteScore } from '@manifold-mixup/analysis';
import { array, floats, testCalibration } from '../analyze-common.js';
import { calibrationSpec, needed, versusBaseline, type ClaimSpec } from '../claims.js';
import { figureNumbers, figurePanels } from '../common-figures.js';
import { allOf, array as arrayOf, object, oneOf, requireShape } from '../json-shape.js';
import { table } from '../markdown.js';
import type { DenseSpec, Mixing, MnistSettings, TrainingSettings } from '../model-job.js';
import { fix, overSeeds, sig3 } from '../over-seeds.js';
import type { ModelAnalysis, ModelRun } from '../results.js';
import type { Experiment } from './experiment.js';
import { DIGITS, FULL_MNIST, MNIST_PIXELS, MNIST_TRAINING, mnistData, QUICK_MNIST } from './mnist.js';
import { hidden, modelJob, output, VARIANTS } from './model-parts.js';

export interface Bottleneck2dSettings {
  width: number;
  alpha: number;
  mnist: MnistSettings;
  training: TrainingSettings;
  /** Training points per digit in the scatter figures and margin statistics (the seed: 250). */
  scatterPerClass: number;
}

/** The first seed's 2-D codes per model, of digits 0-4 and of 0-9, for the scatters. */
export interface Bottleneck2dArrays {
  panels: Array<{ groups: Array<{ digits: string; codes: Float32Array; labels: Uint8Array }> }>;
}

const paper: Bottleneck2dSettings = {
  width: 1024,
  alpha: 1,
  mnist: FULL_MNIST,
  scatterPerClass: 250,
  training: MNIST_TRAINING.paper,
};

const GROUPS = [
  { digits: '0-4', maxLabel: 4 },
  { digits: '0-9', maxLabel: 9 },
];

/**
 * What Bottleneck2dArrays must hold when read from a file: the groups are GROUPS' (their digits name
 * the figures, so a path in their place is refused), the same in every panel.
 */
const ARRAYS = object({
  panels: allOf(
    arrayOf(
      object({
        groups: arrayOf(
          object({ digits: oneOf(GROUPS.map((g) => g.digits)), codes: figureNumbers, labels: figureNumbers }),
          {
            min: 1,
            max: GROUPS.length,
          },
        ),
      }),
    ),
    (value, field, problems) => {
      const digits = (value as Bottleneck2dArrays['panels']).map((p) => p.groups.map((g) => g.digits).join(', '));
      const other = digits.findIndex((d) => d !== digits[0]);
      if (other > 0)
        problems.push({
          field: `${field}[${other}].groups`,
          expected: `the digits of ${field}[0] (${digits[0]})`,
          found: digits[other],
        });
    },
  ),
});

/** The codes (n x 2) and labels of the digits up to `maxLabel`. */
function select(
  codes: Float32Array,
  labels: Uint8Array,
  maxLabel: number,
): { codes: Float32Array; labels: Uint8Array } {
  const keep: number[] = [];
  labels.forEach((label, i) => {
    if (label <= maxLabel) keep.push(i);
  });
  const out = new Float32Array(keep.length * 2);
  keep.forEach((i, j) => {
    out[2 * j] = codes[2 * i];
    out[2 * j + 1] = codes[2 * i + 1];
  });
  return { codes: out, labels: Uint8Array.from(keep, (i) => labels[i]) };
}

/** The last group of digits: all ten. */
const allDigits = (r: ModelRun) => needed(r.analysis.margins?.at(-1), r, 'margin statistics');

const CLAIMS: ClaimSpec[] = [
  {
    id: 'bottleneck-2d-margin',
    statement: 'Manifold mixup separates the classes in the 2-D bottleneck by a larger margin',
    source: "Verma et al. 2019, section 1 (boundaries further from the data) and figure 1; the seed's MNIST figures",
    label: 'larger 2-D margin',
    effect: 'mean margin statistic, digits 0-9: manifold mixup − baseline',
    unit: 'margin',
    compare: versusBaseline((r) => allDigits(r).meanMargin, 'higher'),
  },
  {
    id: 'bottleneck-2d-silhouette',
    statement:
      'Manifold mixup makes each class of 2-D codes tighter relative to its distance from the others (silhouette)',
    source: "the seed's MNIST figures (pictured; the silhouette is our measure of it)",
    label: 'higher 2-D silhouette',
    effect: 'silhouette, digits 0-9: manifold mixup − baseline',
    unit: 'silhouette',
    // A score in [−1, 1] that may be negative: a change relative to it has no meaning.
    reference: null,
    compare: versusBaseline((r) => allDigits(r).silhouette, 'higher'),
  },
  calibrationSpec('bottleneck-2d'),
];

/** MNIST through a 2-D bottleneck: baseline against manifold mixup of the codes; scatters and margins. */
export const bottleneck2d: Experiment<Bottleneck2dSettings, Bottleneck2dArrays, 'bottleneck-2d'> = {
  name: 'bottleneck-2d',
  title: 'MNIST, 2-D bottleneck',
  settings: {
    quick: {
      ...paper,
      width: 64,
      mnist: QUICK_MNIST,
      scatterPerClass: 50,
      training: MNIST_TRAINING.quick,
    },
    default: { ...paper, width: 256, training: MNIST_TRAINING.default },
    paper,
  },

  jobs(s, run) {
    // Mixing at the two layers after the bottleneck, so the 2-D codes themselves get mixed (as the seed).
    const layers = (mixing: Mixing): DenseSpec[] => [
      hidden(s.width, mixing === 'input'),
      hidden(s.width),
      hidden(2),
      hidden(s.width, mixing === 'manifold'),
      hidden(s.width, mixing === 'manifold'),
      output(10),
    ];
    return (['baseline', 'manifold-mixup'] as const).map((variant) =>
      modelJob(run, variant, {
        data: mnistData(s.mnist, run.seed),
        inputSize: MNIST_PIXELS,
        layers: layers(VARIANTS[variant].mixing),
        alpha: s.alpha,
        training: s.training,
        outputs: { codes: { denseIndex: 2, perClass: s.scatterPerClass } },
      }),
    );
  },

  /** Margins and silhouette of the codes; the codes of digits 0-4 and 0-9 for the scatters. */
  analyzeSeed(models, _settings, seed) {
    const perModel = models.map((model) => {
      const codes = floats(model, 'codes');
      const labels = array(model, 'codeLabels') as Uint8Array;
      const groups = GROUPS.map(({ digits, maxLabel }) => {
        const s = select(codes, labels, maxLabel);
        const m = { values: s.codes, rows: s.labels.length, cols: 2 };
        const margins = marginStatistics(m, s.labels);
        const silhouette = silhouetteScore(m, s.labels, { maxPoints: 2500, seed });
        return {
          digits,
          selection: s,
          stats: {
            digits,
            n: s.labels.length,
            meanMargin: margins.meanMargin,
            minMargin: margins.minMargin,
            closestPairDistanceP05: margins.closestPairDistanceP05,
            silhouette,
          },
        };
      });
      return { model, groups, ...testCalibration(model) };
    });
    return {
      runs: perModel.map((m) => ({
        metrics: m.metrics,
        reliability: m.reliability,
        analysis: { margins: m.groups.map((g) => g.stats) } satisfies ModelAnalysis,
      })),
      arrays: {
        panels: perModel.map((m) => ({
          groups: m.groups.map((g) => ({ digits: g.digits, codes: g.selection.codes, labels: g.selection.labels })),
        })),
      },
    };
  },

  claims: () => CLAIMS,

  figures(results, arrays, { file, suffix }) {
    const models = results.models;
    const list = figurePanels(requireShape<Bottleneck2dArrays>(arrays, ARRAYS, file).panels, models.length, file);
    const perClass = results.config.scatterPerClass;
    return (list[0].groups ?? []).map(({ digits }, g) => ({
      name: `bottleneck-2d-digits-${digits}.svg`,
      caption:
        `MNIST, 2-D bottleneck: codes of ${perClass} training images per digit, digits ${digits}, ` +
        `baseline vs manifold mixup (each panel has its own axes)${suffix}`,
      kind: 'scatterPlots',
      data: list.map((p, i) => ({
        title: models[i].label,
        codes: p.groups?.[g].codes,
        labels: p.groups?.[g].labels,
      })),
      options: { title: `2-D bottleneck codes, digits ${digits}`, classNames: DIGITS, sharedAxes: false },
    }));
  },

  statistics(results) {
    const groups = results.models[0]?.runs[0]?.analysis.margins?.map((g) => g.digits) ?? [];
    const rows = results.models.flatMap((m) =>
      groups.map((digits, g) => {
        const at = (r: ModelRun) => r.analysis.margins?.[g];
        return [
          m.label,
          digits,
          String(at(m.runs[0])?.n ?? '-'),
          overSeeds(m.runs, (r) => at(r)?.meanMargin, sig3),
          overSeeds(m.runs, (r) => at(r)?.minMargin, sig3),
          overSeeds(m.runs, (r) => at(r)?.closestPairDistanceP05, sig3),
          overSeeds(m.runs, (r) => at(r)?.silhouette, fix(3)),
        ];
      }),
    );
    return table(
      ['model', 'digits', 'points', 'mean margin', 'min margin', 'closest cross-class pairs (5th pct.)', 'silhouette'],
      rows,
      ['l', 'l', 'r', 'r', 'r', 'r', 'r'],
    );
  },

  methodDifferences: [
    [
      'points in the scatter figures',
      'the first 250 training points of digits 0-4 (resp. 0-9) in total',
      'a seeded choice of `scatterPerClass` training points per digit',
    ],
  ],

  synthetic: {
    // The silhouette's sign flips with the seed (an inconclusive claim); the margin grows with the model.
    run: (i, s) => ({
      analysis: {
        margins: [
          {
            digits: '0-9',
            n: 250,
            meanMargin: 1 + i + s / 10,
            minMargin: 0.5,
            closestPairDistanceP05: 0.1,
            silhouette: 0.3 + (s % 2 === 0 ? i : -i) / 10,
          },
        ],
      },
    }),
    // Ten codes, one per digit.
    arrays: (models) => {
      const codes = Float32Array.from({ length: 20 }, (_, k) => Math.sin(k) * (1 + k));
      const labels = Uint8Array.from({ length: 10 }, (_, k) => k);
      return { panels: Array.from({ length: models }, () => ({ groups: [{ digits: '0-9', codes, labels }] })) };
    },
  },
};
