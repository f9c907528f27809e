import { perClassSingularValues, singularValues, spectrumSummary, type Matrix } from '@manifold-mixup/analysis';
import { array, floats, testCalibration, type SeedAnalysis, type TrainedModel } from './analyze-common.js';
import type { Bottleneck12dSettings } from './profiles.js';
import type { SpectrumTable } from './results.js';

function spectrumTable(
  m: Matrix,
  labels: Uint8Array,
  options: { centered: boolean; normalized: boolean },
  relativeThreshold: number,
): SpectrumTable {
  const perClass = perClassSingularValues(m, labels, options).map((c) => ({
    label: c.label,
    n: c.n,
    singularValues: c.singularValues,
    ...spectrumSummary(c.singularValues, { relativeThreshold }),
  }));
  const mean = (key: 'largest' | 'sumOfOthers' | 'effectiveRank' | 'significantDirections'): number =>
    perClass.reduce((sum, c) => sum + c[key], 0) / Math.max(1, perClass.length);
  const pooled = singularValues(m, options);
  return {
    perClass,
    mean: {
      largest: mean('largest'),
      sumOfOthers: mean('sumOfOthers'),
      effectiveRank: mean('effectiveRank'),
      significantDirections: mean('significantDirections'),
    },
    allClasses: { singularValues: pooled, ...spectrumSummary(pooled, { relativeThreshold }) },
  };
}

/** 12-D bottleneck, one seed: per-class spectra of the codes (raw, normalised, centred). */
export function analyzeBottleneck12d(models: readonly TrainedModel[], settings: Bottleneck12dSettings): SeedAnalysis {
  const t = settings.relativeThreshold;
  const perModel = models.map((model) => {
    const codes = floats(model, 'codes');
    const labels = array(model, 'codeLabels') as Uint8Array;
    const m: Matrix = { values: codes, rows: labels.length, cols: codes.length / labels.length };
    const spectra = {
      raw: spectrumTable(m, labels, { centered: false, normalized: false }, t),
      normalized: spectrumTable(m, labels, { centered: false, normalized: true }, t),
      centeredNormalized: spectrumTable(m, labels, { centered: true, normalized: true }, t),
    };
    return { model, spectra, cols: m.cols, ...testCalibration(model) };
  });
  return {
    runs: perModel.map((p) => ({ metrics: p.metrics, reliability: p.reliability, analysis: { spectra: p.spectra } })),
    arrays: {},
  };
}
