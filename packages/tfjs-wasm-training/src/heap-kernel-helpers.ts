import { startHelperWorker } from './wasm-host.js';

// Helper threads for our heap kernels (Adam, transposes) when tfjs-backend-wasm runs threaded: its
// memory is then shared, so another thread can run the same kernels on another slice of the same
// tensors. XNNPACK's pool is not reachable from outside, hence a small pool of our own: one
// worker per extra thread, driven through Atomics (the calling thread blocks while it waits, as it
// does for XNNPACK, so nothing here depends on the event loop).

/** Exported kernel functions a helper may run, by index in the control block. */
const HELPER_KERNELS = [
  'transpose',
  'transposeAddRowBias',
  'adam',
  'adamL2',
  'gemm',
  'convForward',
  'convBackpropInput',
  'convBackpropFilter',
  'maxPoolGrad',
  'depthwiseBackpropFilter',
  'depthwiseBackpropInput',
] as const;
export type HelperKernel = (typeof HELPER_KERNELS)[number];

export interface KernelCall {
  kernel: HelperKernel;
  args: number[];
}

const MAX_ARGS = 16;
// Control block: Int32 [posted sequence, done sequence, kernel index, failed, ready], then Float64 args.
const POSTED = 0;
const DONE = 1;
const KERNEL = 2;
const FAILED = 3;
const READY = 4;
const ARGS_OFFSET = 24;
const ANSWER_TIMEOUT_MS = 30_000;

const HELPER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { memory, module, control, names } = workerData;
const kernels = new WebAssembly.Instance(module, { env: { memory } }).exports;
const ctl = new Int32Array(control, 0, ${ARGS_OFFSET / 4});
const args = new Float64Array(control, ${ARGS_OFFSET}, ${MAX_ARGS});
Atomics.store(ctl, ${READY}, 1);
let seen = 0;
for (;;) {
  Atomics.wait(ctl, ${POSTED}, seen);
  seen = Atomics.load(ctl, ${POSTED});
  try {
    const f = kernels[names[ctl[${KERNEL}]]];
    f(...args.subarray(0, f.length));
    ctl[${FAILED}] = 0;
  } catch {
    ctl[${FAILED}] = 1;
  }
  Atomics.store(ctl, ${DONE}, seen);
  Atomics.notify(ctl, ${DONE});
}
`;

class Helper {
  readonly #ctl: Int32Array;
  readonly #args: Float64Array;
  #posted = 0;
  #dead = false;

  constructor(memory: object, module: object) {
    const control = new SharedArrayBuffer(ARGS_OFFSET + 8 * MAX_ARGS);
    this.#ctl = new Int32Array(control, 0, ARGS_OFFSET / 4);
    this.#args = new Float64Array(control, ARGS_OFFSET, MAX_ARGS);
    startHelperWorker(HELPER_SOURCE, { memory, module, control, names: HELPER_KERNELS }, () => {
      this.#dead = true;
    });
  }

  /** True once the worker has instantiated the kernels (until then the caller does all the work). */
  get ready(): boolean {
    return !this.#dead && Atomics.load(this.#ctl, READY) === 1;
  }

  post({ kernel, args }: KernelCall): void {
    if (args.length > MAX_ARGS)
      throw new RangeError(`heap kernel helper: at most ${MAX_ARGS} arguments, found ${args.length}`);
    this.#args.set(args);
    this.#ctl[KERNEL] = HELPER_KERNELS.indexOf(kernel);
    this.#posted++;
    Atomics.store(this.#ctl, POSTED, this.#posted);
    Atomics.notify(this.#ctl, POSTED);
  }

  wait(kernel: HelperKernel): void {
    const deadline = performance.now() + ANSWER_TIMEOUT_MS;
    for (;;) {
      const done = Atomics.load(this.#ctl, DONE);
      if (done === this.#posted) break;
      if (performance.now() > deadline) {
        this.#dead = true;
        throw new Error(`heap kernel helper thread: no answer to '${kernel}' within ${ANSWER_TIMEOUT_MS / 1000} s`);
      }
      Atomics.wait(this.#ctl, DONE, done, 1000);
    }
    if (this.#ctl[FAILED] !== 0) throw new Error(`heap kernel helper thread: '${kernel}' failed`);
  }
}

/** Runs slices of one kernel call on the calling thread and on helper threads. */
export class HeapKernelHelpers {
  readonly #helpers: Helper[];

  constructor(memory: object, module: object, count: number) {
    this.#helpers = Array.from({ length: count }, () => new Helper(memory, module));
  }

  /** How many slices a call should be cut into now: 1 + the helpers that are ready. */
  get slices(): number {
    return 1 + this.#helpers.filter((h) => h.ready).length;
  }

  /** Runs calls[0] here (with `local`) and calls[1..] on ready helpers; returns when all are done. */
  run(local: (call: KernelCall) => void, calls: KernelCall[]): void {
    const ready = this.#helpers.filter((h) => h.ready);
    if (calls.length - 1 > ready.length)
      throw new RangeError(`heap kernel helpers: ${calls.length} slices for ${ready.length} ready helpers`);
    calls.slice(1).forEach((call, i) => ready[i].post(call));
    try {
      local(calls[0]);
    } finally {
      calls.slice(1).forEach((call, i) => ready[i].wait(call.kernel));
    }
  }
}
