export {
  initBackend,
  type Acceleration,
  type BackendInfo,
  type BackendName,
  type BackendOptions,
  type WasmBinaryName,
} from './backend.js';
export {
  installFastWasmMatMul,
  uninstallFastWasmMatMul,
  isFastWasmMatMulInstalled,
} from './deprecated-kernel-names.js';
export { ManifoldMixupModel, type ManifoldMixupOptions } from './model.js';
export { mixingMatrix, mixRows } from './mixing.js';
export type { EpochRecord, FitHistory, FitInput, FitOptions, FitTargets, LayerSpec, TrainingHistory } from './types.js';
export type { OptimizerOption } from './step-optimizer.js';
// Re-exported so that users of this package can name what fit and evaluate accept without another import.
export type { LabeledSet } from '@manifold-mixup/types';
export type { ClassificationMetrics } from './metrics.js';
export type { LogitsSource } from './output-head.js';
export { learningRateAt } from './training.js';
export { fgsmAccuracy, fgsmExamples, type FgsmOptions, type FgsmPoint } from './fgsm.js';
export { adversarialAccuracy, type AdversarialPoint } from './adversarial-accuracy.js';
export { adversarialExamples } from './adversarial-examples.js';
export { transferAttack, type TransferPoint } from './transfer-attack.js';
export { probabilityGradientNorms, type ProbabilityGradientOptions } from './probability-gradient.js';
export type { AttackOptions, FgsmAttackOptions, PgdAttackOptions } from './attack-options.js';
export type { AttackLoss } from './attack-objective.js';
export type { ClipRange } from './attack-batches.js';
export { writeFileAtomic } from './atomic-file.js';
export { fileSystemIO, registerFileSystemRouter } from './file-system-io.js';
export { CheckpointFormatError } from './checkpoint-format-error.js';
export { NonFiniteError } from './non-finite-error.js';
export type { FitCallbacks, FitLogs } from './types.js';
export type { FromSequentialOptions } from './from-sequential.js';
export type { FromLayersModelOptions } from './from-layers-model.js';
export type { ToLayersModelOptions } from './to-layers-model.js';
