import { confidenceStatistics, makeGrid } from '@manifold-mixup/analysis';
import { array, floats, testCalibration, type SeedAnalysis, type TrainedModel } from './analyze-common.js';
import type { SpiralSettings } from './profiles.js';

/** Spiral, one seed: confidence statistics on the grid; P(class 1) and training points for the maps. */
export function analyzeSpiral(models: readonly TrainedModel[], settings: SpiralSettings): SeedAnalysis {
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
  return {
    runs: perModel.map((m) => ({
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
    arrays: {
      panels: perModel.map((m) => ({
        probability: m.p1,
        points: floats(m.model, 'trainingPoints'),
        labels: array(m.model, 'trainingPointLabels'),
      })),
    },
  };
}
