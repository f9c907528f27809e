import { marginStatistics, silhouetteScore } from '@manifold-mixup/analysis';
import { array, floats, testCalibration, type SeedAnalysis, type TrainedModel } from './analyze-common.js';
import type { ModelAnalysis } from './results.js';

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

/** 2-D bottleneck, one seed: margins and silhouette of the codes; the codes of digits 0-4 and 0-9 for the scatters. */
export function analyzeBottleneck2d(models: readonly TrainedModel[], seed: number): SeedAnalysis {
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
}
