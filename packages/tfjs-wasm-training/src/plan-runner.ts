import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { KernelPlan } from './conv-plan.js';
import {
  heapKernels,
  heapKernelSlices,
  offsetOf,
  runSliced,
  type HeapKernels,
  type WasmBackendInternals,
} from './heap-kernels.js';

// Running a conv or pool heap kernel (scripts/conv-wat.mjs, pool-wat.mjs) from its plan: the geometry
// block and per-thread scratch it reads, the units cut between threads, temporaries freed together.

/** tfjs-backend-wasm's Emscripten module: its heap, to write the small blocks the kernels read. */
interface WasmHeap {
  wasm: { HEAPU8: Uint8Array };
}

/** Temporaries of one kernel call, freed together. */
export class Temporaries {
  readonly #backend: WasmBackendInternals;
  readonly #made: TensorInfo[] = [];

  constructor(backend: WasmBackendInternals) {
    this.#backend = backend;
  }

  /** A new float32 (or int32) tensor's heap offset; its content is whatever malloc left there. */
  floats(count: number, dtype: 'float32' | 'int32' = 'float32'): TensorInfo {
    const t = this.#backend.makeOutput([Math.max(1, count)], dtype as 'float32');
    this.#made.push(t);
    return t;
  }

  dispose(): void {
    for (const t of this.#made) this.#backend.disposeData(t.dataId);
  }
}

/** Float32 and Int32 views of the heap now (an allocation may grow the memory and detach older views). */
export function heap(backend: WasmBackendInternals): { f32: Float32Array; i32: Int32Array } {
  const { buffer } = (backend as unknown as WasmHeap).wasm.HEAPU8;
  return { f32: new Float32Array(buffer), i32: new Int32Array(buffer) };
}

/** `x` (a float32 tensor of ours) filled with zeros, returned. */
export function zeros(backend: WasmBackendInternals, x: TensorInfo): TensorInfo {
  const at = offsetOf(backend, x) / 4;
  heap(backend).f32.fill(0, at, at + x.shape.reduce((a, b) => a * b, 1));
  return x;
}

/**
 * Runs `plan`'s kernel over all its units on the calling thread and the helper threads, with the
 * arguments (geometry block, `operands`, that thread's scratch when the plan has any, first and last
 * item) the kernels of scripts/conv-wat.mjs and its siblings take. An operand is a tensor (passed as its
 * heap offset) or a number (passed as is). The outputs are whatever the operands point to.
 */
export function runPlan(
  backend: WasmBackendInternals,
  temps: Temporaries,
  plan: KernelPlan,
  operands: Array<TensorInfo | number>,
): void {
  const slices = heapKernelSlices(backend);
  const geometryBlock = temps.floats(plan.geometry.length, 'int32');
  const scratchBlock = temps.floats((slices * plan.sliceBytes) / 4);
  // Offsets after every allocation: each may grow (and move views of) the heap.
  const geometry = offsetOf(backend, geometryBlock);
  const scratch = offsetOf(backend, scratchBlock);
  const pointers = operands.map((x) => (typeof x === 'number' ? x : offsetOf(backend, x)));
  heap(backend).i32.set(plan.geometry, geometry / 4);
  runSliced(
    backend,
    plan.kernel,
    plan.units,
    plan.unitSize,
    (start, end, slice) => [
      geometry,
      ...pointers,
      ...(plan.sliceBytes > 0 ? [scratch + slice * plan.sliceBytes] : []),
      start / plan.unitsPerItem,
      end / plan.unitsPerItem,
    ],
    slices,
  );
}

/**
 * Runs a plan whose kernel writes one partial sum of `block` floats per group into its last operand
 * (added here), then adds the groups' sums in order (sumRows) into `dst`, or into the first group's
 * block; returns where the sum is. The plan must have groups (an empty batch has none: no call).
 */
export function sumOverGroups(
  backend: WasmBackendInternals,
  temps: Temporaries,
  plan: KernelPlan & { groups: number },
  block: number,
  operands: TensorInfo[],
  dst?: TensorInfo,
): TensorInfo {
  const partials = temps.floats(plan.groups * block);
  runPlan(backend, temps, plan, [...operands, partials]);
  const sum = dst ?? partials;
  (heapKernels(backend) as HeapKernels).sumRows(
    offsetOf(backend, partials),
    plan.groups,
    block,
    offsetOf(backend, sum),
  );
  return sum;
}
