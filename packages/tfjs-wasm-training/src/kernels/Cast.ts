import { sharedBuffer } from './Identity.js';
import type { KernelPatch } from './kernel-patch.js';

// Cast to the dtype a tensor already has is a copy on wasm, like Identity: tfjs-core's Multiply
// gradient casts each operand to float32, so an L2 penalty, l2·(w·w), copied every weight matrix
// once more per step. SIMD Multiply and Add (the rest of the penalty) were tried and did not pay:
// memory-bound, the same time as wasm's own loops.

/** Cast to the same dtype shares the buffer; to another dtype it is the stock kernel. */
export const castPatch: KernelPatch = { kernelName: 'Cast', patch: sharedBuffer };
