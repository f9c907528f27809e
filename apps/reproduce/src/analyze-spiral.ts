import { confidenceStatistics, makeGrid } from '@manifold-mixup/analysis';
import { confidenceMaps } from '@manifold-mixup/viz';
import { spiralClaims } from './claims.js';
import {
  array,
  calibrationFigures,
  floats,
  testCalibration,
  type ExperimentAnalysis,
  type TrainedModel,
} from './analyze-common.js';
import type { SpiralSettings } from './profiles.js';

/** Spiral: confidence statistics on the grid, the confidence-map figure, claims. */
export function analyzeSpiral(models: readonly TrainedModel[], settings: SpiralSettings): ExperimentAnalysis {
  const e = settings.extent;
  const grid = makeGrid({ xMin: -e, xMax: e, yMin: -e, yMax: e }, settings.gridResolution);
  const cells = grid.nx * grid.ny;
  const perModel = models.map((model) => {
    const probabilities = floats(model, 'gridProbabilities');
    const confidence = confidenceStatistics(probabilities, 2, grid, { threshold: settings.confidenceThreshold });
    const p1 = new Float32Array(cells);
    for (let i = 0; i < cells; i++) p1[i] = probabilities[2 * i + 1];
    return { model, p1, confidence, ...testCalibration(model) };
  });
  const [baseline, mixup] = perModel;
  const claims = spiralClaims(
    { label: baseline.model.job.label, ece: baseline.metrics.ece, ...baseline.confidence },
    { label: mixup.model.job.label, ece: mixup.metrics.ece, ...mixup.confidence },
  );
  const confidenceFigure = {
    name: 'spiral-confidence.svg',
    caption: `Two spirals: P(class 1) over [-${e}, ${e}]² with training points, baseline vs manifold mixup`,
    svg: confidenceMaps(
      perModel.map((m) => ({
        title: m.model.job.label,
        grid: { xMin: grid.xMin, xMax: grid.xMax, yMin: grid.yMin, yMax: grid.yMax, nx: grid.nx, ny: grid.ny },
        probability: m.p1,
        points: { x: floats(m.model, 'trainingPoints'), labels: array(m.model, 'trainingPointLabels') },
      })),
      { title: 'Two spirals: P(class 1)', classNames: ['class 0', 'class 1'] },
    ),
  };
  const labelled = perModel.map((m) => ({ label: m.model.job.label, metrics: m.metrics, reliability: m.reliability }));
  return {
    models: perModel.map((m) => ({
      metrics: m.metrics,
      reliability: m.reliability,
      analysis: {
        confidence: {
          lowConfidenceFraction: m.confidence.lowConfidenceFraction,
          meanEntropy: m.confidence.meanEntropy,
          totalVariation: m.confidence.totalVariation,
          threshold: m.confidence.threshold,
        },
      },
    })),
    claims,
    figures: [confidenceFigure, ...calibrationFigures('spiral', 'Two spirals', labelled)],
  };
}
