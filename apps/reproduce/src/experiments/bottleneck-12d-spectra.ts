import { perClassSingularValues, singularValues, spectrumSummary, type Matrix } from '@manifold-mixup/analysis';
import { array, floats, testCalibration, type SeedAnalysis, type TrainedModel } from '../analyze-common.js';
import type { SpectrumTable } from '../results.js';

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

/**
 * 12-D bottleneck, one seed: per-class spectra of the codes (raw, normalised, centred); a direction is
 * significant above `relativeThreshold` x the class's largest singular value.
 */
export function analyzeSpectra(
  models: readonly TrainedModel[],
  relativeThreshold: number,
): SeedAnalysis<Record<string, never>> {
  const t = relativeThreshold;
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

/** A made-up spectrum (ten classes of three singular values) scaled by `scale`, for the synthetic runs. */
export function syntheticSpectrum(scale: number): SpectrumTable {
  return {
    perClass: Array.from({ length: 10 }, (_, label) => ({
      label,
      n: 100,
      singularValues: [10 * scale, 2 * scale, scale],
      largest: 10 * scale,
      sumOfOthers: 3 * scale,
      effectiveRank: 1.8,
      significantDirections: 3,
    })),
    mean: { largest: 10 * scale, sumOfOthers: 3 * scale, effectiveRank: 1.8, significantDirections: 3 },
    allClasses: {
      singularValues: [30, 20, 10],
      largest: 30,
      sumOfOthers: 30,
      effectiveRank: 2.8,
      significantDirections: 3,
    },
  };
}
