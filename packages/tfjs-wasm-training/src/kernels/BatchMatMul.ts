import { explicitTransposes } from '../fast-matmul.js';
import type { KernelPatch } from './kernel-patch.js';

/** tf.matMul: our GEMM or XNNPACK after explicit transposes (fast-matmul.ts), never the naive loop. */
export const batchMatMulPatch: KernelPatch = {
  kernelName: 'BatchMatMul',
  patch: (stock, stockTranspose) => explicitTransposes(stock, stockTranspose, false),
};
