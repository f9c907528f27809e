import type { EpochRecord } from '@manifold-mixup/mixup-core';
import type { ModelJob } from './model-job.js';

export type { EpochRecord };

/** Parent -> worker: train this model (or resume it) and leave its outputs in the cache. */
export interface JobMessage {
  type: 'job';
  job: ModelJob;
  hash: string;
  cacheRoot: string;
}

/** Worker -> parent. */
export type WorkerMessage =
  | { type: 'batch'; epoch: number; step: number; steps: number; loss: number }
  | { type: 'epoch'; record: EpochRecord }
  | { type: 'done'; seconds: number }
  | { type: 'error'; message: string };
