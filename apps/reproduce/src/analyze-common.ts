import { calibration } from '@manifold-mixup/analysis';
import type { LoadedOutputs } from './read-outputs.js';
import type { ModelJob } from './model-job.js';
import type { ModelAnalysis, ModelMetrics, ReliabilityBin } from './results.js';

/** A model whose outputs are in the cache (trained by this run or an earlier one). */
export interface TrainedModel {
  job: ModelJob;
  hash: string;
  outputs: LoadedOutputs;
  cached: boolean;
  /** The cache folder holding it: its final weights are the last epoch's checkpoint there (cache.ts checkpointDir). */
  cacheRoot: string;
}

/** What one model trained with one seed contributes to the results. */
export interface RunAnalysis {
  metrics: ModelMetrics;
  reliability: ReliabilityBin[];
  analysis: ModelAnalysis;
}

/**
 * One seed of an experiment: its runs (in model order), and the arrays its figures need beyond the
 * results file (kept for the first seed only, in results/<experiment>.arrays.json).
 */
export interface SeedAnalysis<Arrays> {
  runs: RunAnalysis[];
  arrays: Arrays;
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
