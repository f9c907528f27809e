export { initBackend, type BackendInfo, type BackendName } from './backend.js';
export { installFastWasmMatMul, uninstallFastWasmMatMul, isFastWasmMatMulInstalled } from './fast-matmul.js';
export { ManifoldMixupModel, type ManifoldMixupOptions } from './model.js';
export { mixingMatrix, mixRows, type MixPlan } from './mixing.js';
export type { DataSet, EpochRecord, FitOptions, LayerSpec, TrainingHistory } from './types.js';
export type { ClassificationMetrics } from './metrics.js';
export type { LogitsSource } from './output-head.js';
export { learningRateAt } from './training.js';
export { mulberry32, randomPermutation, sampleBeta, sampleGamma, sampleNormal, SeededRandom } from './random.js';
