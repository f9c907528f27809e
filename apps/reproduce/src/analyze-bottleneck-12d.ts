import { perClassSingularValues, singularValues, spectrumSummary, type Matrix } from '@manifold-mixup/analysis';
import { spectraSmallMultiples } from '@manifold-mixup/viz';
import { bottleneck12dClaims } from './claims.js';
import {
  array,
  calibrationFigures,
  floats,
  testCalibration,
  type ExperimentAnalysis,
  type TrainedModel,
} from './analyze-common.js';
import type { Bottleneck12dSettings } from './profiles.js';
import type { SpectrumTable } from './results.js';

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

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

/** 12-D bottleneck: per-class spectra (raw, normalised, centred), the spectra figure, claims. */
export function analyzeBottleneck12d(
  models: readonly TrainedModel[],
  settings: Bottleneck12dSettings,
): ExperimentAnalysis {
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
  // The paper's statistic on the seed's spectra (raw, uncentred); Theorem 1 speaks of the subspace the
  // class's codes vary in, so its count uses the centred spectra (the class mean is not a direction of variation).
  const numbers = (p: (typeof perModel)[number]) => ({
    label: p.model.job.label,
    ece: p.metrics.ece,
    sumOfOthers: p.spectra.raw.perClass.map((c) => c.sumOfOthers),
    significantDirections: p.spectra.centeredNormalized.perClass.map((c) => c.significantDirections),
  });
  const byMixing = (mixing: string) => {
    const found = perModel.find((p) => p.model.job.mixing === mixing);
    if (!found) throw new Error(`bottleneck-12d: no '${mixing}' model among the trained models`);
    return found;
  };
  const claims = bottleneck12dClaims(
    numbers(byMixing('none')),
    numbers(byMixing('input')),
    numbers(byMixing('manifold')),
    {
      dim: perModel[0].cols,
      classes: 10,
      relativeThreshold: t,
    },
  );
  const spectraFigure = {
    name: 'bottleneck-12d-spectra.svg',
    caption:
      "MNIST, 12-D bottleneck: singular values of each digit's training codes (uncentred, divided by √n; log scale), per model",
    svg: spectraSmallMultiples(
      perModel.map((p) => ({
        model: p.model.job.label,
        perClass: p.spectra.normalized.perClass.map((c) => ({ label: c.label, singularValues: c.singularValues })),
      })),
      {
        title: 'Singular values of the 12-D codes per digit (÷√n, log scale)',
        yScale: 'log',
        classNames: DIGITS.map((d) => `digit ${d}`),
      },
    ),
  };
  const labelled = perModel.map((p) => ({ label: p.model.job.label, metrics: p.metrics, reliability: p.reliability }));
  return {
    models: perModel.map((p) => ({ metrics: p.metrics, reliability: p.reliability, analysis: { spectra: p.spectra } })),
    claims,
    figures: [spectraFigure, ...calibrationFigures('bottleneck-12d', 'MNIST, 12-D bottleneck', labelled)],
  };
}
