import { explicitTransposes } from '../fast-matmul.js';
import type { KernelPatch } from './kernel-patch.js';

/** tf.fused.matMul (what tf.layers.dense calls): as BatchMatMul, bias and activation kept where they apply. */
export const fusedMatMulPatch: KernelPatch = {
  kernelName: '_FusedMatMul',
  patch: (stock, stockTranspose) => explicitTransposes(stock, stockTranspose, true),
};
