import { calibration } from '@manifold-mixup/analysis';
import { groupedBarChart, reliabilityDiagram } from '@manifold-mixup/viz';
import type { LoadedOutputs } from './cache.js';
import type { ModelJob } from './model-job.js';
import type { Claim, ModelAnalysis, ModelMetrics, ReliabilityBin } from './results.js';

/** A model whose outputs are in the cache (trained by this run or an earlier one). */
export interface TrainedModel {
  job: ModelJob;
  hash: string;
  outputs: LoadedOutputs;
  cached: boolean;
}

export interface FigureOutput {
  /** File name in figures/, e.g. spiral-confidence.svg. */
  name: string;
  caption: string;
  svg: string;
}

export interface ModelAnalysisResult {
  metrics: ModelMetrics;
  reliability: ReliabilityBin[];
  analysis: ModelAnalysis;
}

export interface ExperimentAnalysis {
  models: ModelAnalysisResult[];
  claims: Claim[];
  figures: FigureOutput[];
}

export function array(model: TrainedModel, name: string): Float32Array | Uint8Array {
  const data = model.outputs.data[name];
  if (!data)
    throw new Error(
      `cached outputs of ${model.job.experiment}/${model.job.model} (${model.hash}) lack '${name}'; delete that cache folder to retrain`,
    );
  return data;
}

export function floats(model: TrainedModel, name: string): Float32Array {
  const data = array(model, name);
  return data instanceof Float32Array ? data : Float32Array.from(data);
}

/** Test metrics and reliability bins from the stored test probabilities (one source for table and figure). */
export function testCalibration(model: TrainedModel): { metrics: ModelMetrics; reliability: ReliabilityBin[] } {
  const labels = array(model, 'testLabels');
  const probabilities = floats(model, 'testProbabilities');
  const numClasses = probabilities.length / labels.length;
  const c = calibration(probabilities, labels, numClasses, { bins: 15 });
  return {
    metrics: { accuracy: c.accuracy, nll: c.nll, ece: c.ece, mce: c.mce, n: labels.length },
    reliability: c.bins,
  };
}

/** The reliability diagram and metrics bar chart every experiment gets. */
export function calibrationFigures(
  experiment: string,
  title: string,
  models: ReadonlyArray<{ label: string; metrics: ModelMetrics; reliability: ReliabilityBin[] }>,
): FigureOutput[] {
  return [
    {
      name: `${experiment}-reliability.svg`,
      caption: `${title}: reliability diagram on the test set (15 equal-width confidence bins)`,
      svg: reliabilityDiagram(
        models.map((m) => ({ model: m.label, bins: m.reliability, ece: m.metrics.ece })),
        { title: `${title}: reliability on the test set` },
      ),
    },
    {
      name: `${experiment}-metrics.svg`,
      caption: `${title}: test accuracy, NLL, ECE and MCE per model`,
      svg: groupedBarChart(
        {
          groups: ['test accuracy', 'test NLL', 'ECE', 'MCE'],
          series: models.map((m) => ({
            name: m.label,
            values: [m.metrics.accuracy, m.metrics.nll, m.metrics.ece, m.metrics.mce],
          })),
        },
        { title: `${title}: test metrics`, yLabel: 'value' },
      ),
    },
  ];
}
