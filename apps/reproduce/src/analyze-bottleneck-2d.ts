import { marginStatistics, silhouetteScore } from '@manifold-mixup/analysis';
import { scatterPlots } from '@manifold-mixup/viz';
import { bottleneck2dClaims } from './claims.js';
import {
  array,
  calibrationFigures,
  floats,
  testCalibration,
  type ExperimentAnalysis,
  type TrainedModel,
} from './analyze-common.js';
import type { ModelAnalysis } from './results.js';

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const GROUPS = [
  { digits: '0-4', maxLabel: 4 },
  { digits: '0-9', maxLabel: 9 },
];

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

/** 2-D bottleneck: margins and silhouette of the codes, scatter figures for digits 0-4 and 0-9, claims. */
export function analyzeBottleneck2d(models: readonly TrainedModel[], seed: number): ExperimentAnalysis {
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
  const [baseline, mixup] = perModel;
  const all = (m: typeof baseline) => m.groups[m.groups.length - 1].stats;
  const claims = bottleneck2dClaims(
    { label: baseline.model.job.label, ece: baseline.metrics.ece, ...all(baseline) },
    { label: mixup.model.job.label, ece: mixup.metrics.ece, ...all(mixup) },
  );
  const perClass = models[0].job.outputs.codes?.perClass;
  const scatters = GROUPS.map(({ digits }, g) => ({
    name: `bottleneck-2d-digits-${digits}.svg`,
    caption: `MNIST, 2-D bottleneck: codes of ${perClass ?? 'all'} training images per digit, digits ${digits}, baseline vs manifold mixup (each panel has its own axes)`,
    svg: scatterPlots(
      perModel.map((m) => ({
        title: m.model.job.label,
        codes: m.groups[g].selection.codes,
        labels: m.groups[g].selection.labels,
      })),
      { title: `2-D bottleneck codes, digits ${digits}`, classNames: DIGITS, sharedAxes: false },
    ),
  }));
  const labelled = perModel.map((m) => ({ label: m.model.job.label, metrics: m.metrics, reliability: m.reliability }));
  return {
    models: perModel.map((m) => ({
      metrics: m.metrics,
      reliability: m.reliability,
      analysis: { margins: m.groups.map((g) => g.stats) } satisfies ModelAnalysis,
    })),
    claims,
    figures: [...scatters, ...calibrationFigures('bottleneck-2d', 'MNIST, 2-D bottleneck', labelled)],
  };
}
