import type { backend_util } from '@tensorflow/tfjs-core';
import { CONV_GEOMETRY_FIELDS } from './conv-geometry-fields.js';
import { GEMM_TILE } from './heap-gemm.js';

// How the conv kernels of the heap kernels (scripts/conv-wat.mjs) cut a convolution: the geometry block
// they read, the rows (or images) per sub-chunk and the scratch space each thread needs. Everything
// here depends on the shapes only, never on the thread count: that is what keeps results independent
// of it (the threads only take different ranges of the same sub-chunks and groups).

export type ConvField = (typeof CONV_GEOMETRY_FIELDS)[number];
export type ConvKernel = 'convForward' | 'convBackpropInput' | 'convBackpropFilter';
/** The fields of tfjs' Conv2DInfo that its Pool2DInfo shares: what a geometry block is made of. */
export type WindowInfo = Omit<backend_util.Conv2DInfo, 'filterShape'>;

/** Floats of im2col per sub-chunk: 256 KB, which stays in L2 beside the GEMM's other operands. */
export const CHUNK_FLOATS = 1 << 16;
/** At most this many rows per dW sub-chunk: the GEMM's packed panel (8 floats per row) then fits in L1. */
const MAX_FILTER_CHUNK = 1024;
/** dW is summed in this many fixed groups of rows at most (one partial sum each, added in order). */
export const FILTER_GROUPS = 8;

/** How to run one of the conv or pool heap kernels (plan-runner.ts runs it). */
export type DepthwiseKernel = 'depthwiseBackpropFilter' | 'depthwiseBackpropInput';

export interface KernelPlan {
  kernel: ConvKernel | DepthwiseKernel | 'maxPoolGrad';
  /** The geometry block, in CONV_GEOMETRY_FIELDS order. */
  geometry: Int32Array;
  /** Bytes of scratch per thread (a multiple of 16); 0: the kernel takes no scratch argument. */
  sliceBytes: number;
  /** Work units runSliced cuts between threads (rows; or 4 per image or group, so any image or group can start a slice). */
  units: number;
  /** Units per item the kernel counts (1: rows; 4: images or groups, as runSliced cuts in fours). */
  unitsPerItem: 1 | 4;
  /** Operations per unit (runSliced leaves small calls on one thread). */
  unitSize: number;
}

export interface ConvPlan extends KernelPlan {
  kernel: ConvKernel;
  /** dW: how many groups' partial sums there are (the units are 4 per group). */
  groups: number;
  /** Floats per row of the im2col (or dI) scratch: K, or K rounded up to 8 where it is a GEMM's columns. */
  ld: number;
  /** Forward: the GEMM's columns, O rounded up to 8. */
  oLd: number;
  /** dW: whether each group sums Iᵀ·dy (dW, aRows × O) rather than dyᵀ·I (dWᵀ, aRows × ld). */
  byRows: boolean;
  /** dW: floats of one group's partial sum. */
  block: number;
}

const roundUp = (x: number, to: number): number => Math.ceil(x / to) * to;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Byte offsets of consecutive scratch areas (sizes in floats), each 16-byte aligned, and their total. */
function layout(sizes: number[]): { offsets: number[]; total: number } {
  const offsets: number[] = [];
  let at = 0;
  for (const floats of sizes) {
    offsets.push(at);
    at += roundUp(4 * floats, 16);
  }
  return { offsets, total: at };
}

/**
 * The plan for one of the conv kernels on `info` (NHWC; dilations > 1 only where tfjs allows them).
 * K = fH·fW·C; forward: y = I·W over row sub-chunks; dX: dI = dy·Wᵀ and col2im over image sub-chunks;
 * dW: dyᵀ·I summed within fixed groups of rows, then over the groups.
 */
export function convPlan(kernel: ConvKernel, info: backend_util.Conv2DInfo): ConvPlan {
  const { batchSize: n, outHeight: oH, outWidth: oW, outChannels: o, inChannels: c } = info;
  const { filterHeight: fH, filterWidth: fW } = info;
  const k = fH * fW * c;
  const m = n * oH * oW;
  const pixels = oH * oW;
  const values = { ...windowFields(info), K: k, M: m };
  let sizes: number[];
  let units: number;
  let unitSize: number;
  let groups = 0;
  let filter = { byRows: false, block: 0 };
  if (kernel === 'convForward') {
    // Rows of I in place, K long; the GEMM's columns are the O output channels, rounded up to 8 (with
    // zero columns of W and the bias: y's rows then pass through the scratch C, else only its last rows).
    const chunk = clamp(Math.floor(CHUNK_FLOATS / k / 4) * 4, 4, 4096);
    const oLd = roundUp(o, GEMM_TILE.columns);
    Object.assign(values, { ld: k, chunk, oLd });
    sizes = [chunk * k, GEMM_TILE.columns * k, (oLd === o ? GEMM_TILE.rows : chunk) * oLd]; // I, panel, C
    [units, unitSize] = [m, k * o];
  } else if (kernel === 'convBackpropInput') {
    // dI's columns are the GEMM's: K rounded up to 8 (the filter gets zero rows to match).
    const ld = roundUp(k, GEMM_TILE.columns);
    const chunk = Math.max(1, Math.floor(CHUNK_FLOATS / (pixels * ld)));
    Object.assign(values, { ld, chunk });
    sizes = [roundUp(chunk * pixels, GEMM_TILE.rows) * ld, GEMM_TILE.columns * o, GEMM_TILE.rows * o, fH * fW];
    [units, unitSize] = [4 * n, (pixels * k * o) / 4];
  } else {
    // dWᵀ = dyᵀ·I: dyᵀ's O rows rounded up to the tile's 4, I's K columns to 8. For a small K (a first
    // layer: K = 9 on one channel) dW = Iᵀ·dy pads less: Iᵀ's K rows to 4, dy's O columns read in place.
    const byRows = o % GEMM_TILE.columns === 0 && roundUp(k, GEMM_TILE.rows) * o < roundUp(o, 4) * roundUp(k, 8);
    const ld = byRows ? k : roundUp(k, GEMM_TILE.columns);
    const [aUsed, cols] = byRows ? [k, o] : [o, ld];
    const aRows = roundUp(aUsed, GEMM_TILE.rows);
    const chunk = clamp(Math.floor(CHUNK_FLOATS / (ld + aRows) / 4) * 4, 4, MAX_FILTER_CHUNK);
    let groupRows: number;
    [groupRows, groups] = rowGroups(m, chunk);
    Object.assign(values, { ld, chunk, groupRows, aRows, aUsed, cols, byRows: byRows ? 1 : 0 });
    sizes = [chunk * ld, GEMM_TILE.columns * chunk, aRows * chunk, aRows * cols]; // I, panel, A, one sub-chunk's sum
    [units, unitSize] = [4 * groups, (groupRows * k * o) / 4];
    filter = { byRows, block: aRows * cols };
  }
  // Areas in the order of the offsets below (forward: I, panel, tail; dX: dI, panel, tail, list; dW: I, panel, A, tmp).
  const { offsets, total } = layout(sizes);
  values.offPanel = offsets[1];
  if (kernel === 'convForward') values.offTmp = offsets[2];
  else if (kernel === 'convBackpropInput') [values.offA, values.offList] = [offsets[2], offsets[3]];
  else [values.offA, values.offTmp] = [offsets[2], offsets[3]];
  return {
    kernel,
    geometry: geometryBlock(values),
    sliceBytes: total,
    units,
    unitsPerItem: kernel === 'convForward' ? 1 : 4,
    unitSize,
    groups,
    ld: values.ld as number,
    oLd: values.oLd ?? 0,
    ...filter,
  };
}

/** The geometry fields of a window (a filter or a pool) sliding over the input. */
function windowFields(info: WindowInfo): Partial<Record<ConvField, number>> {
  return {
    H: info.inHeight,
    W: info.inWidth,
    C: info.inChannels,
    oH: info.outHeight,
    oW: info.outWidth,
    O: info.outChannels,
    fH: info.filterHeight,
    fW: info.filterWidth,
    sH: info.strideHeight,
    sW: info.strideWidth,
    dH: info.dilationHeight,
    dW: info.dilationWidth,
    pT: info.padInfo.top,
    pL: info.padInfo.left,
  };
}

const geometryBlock = (values: Partial<Record<ConvField, number>>): Int32Array =>
  Int32Array.from(CONV_GEOMETRY_FIELDS, (f) => values[f] ?? 0);

/** maxPoolGrad: a list of a window's pixels as scratch; images cut between threads (4 units each, so any image can start a slice). */
export function maxPoolGradPlan(info: WindowInfo): KernelPlan {
  const window = info.filterHeight * info.filterWidth;
  return {
    kernel: 'maxPoolGrad',
    geometry: geometryBlock(windowFields(info)),
    sliceBytes: layout([window]).total,
    units: 4 * info.batchSize,
    unitsPerItem: 4,
    unitSize: (info.outHeight * info.outWidth * info.inChannels * window) / 4,
  };
}

/** Fixed groups of M rows, at most FILTER_GROUPS, each a multiple of 4 rows: [rows per group, groups]. */
function rowGroups(m: number, minRows: number): [number, number] {
  if (m === 0) return [4, 0]; // an empty batch: no group (the filter gradient is zeros)
  const groupRows = roundUp(Math.ceil(m / Math.min(FILTER_GROUPS, Math.ceil(m / minRows))), 4);
  return [groupRows, Math.ceil(m / groupRows)];
}

/**
 * A depthwise conv's gradients (info from computeConv2DInfo with depthwise = true; O = C·mult). dW: a
 * partial sum per fixed group of rows (at least 64 rows each), added in order; dX: images cut between
 * threads, a list of 2·fH·fW addresses as scratch.
 */
export function depthwisePlan(kernel: DepthwiseKernel, info: backend_util.Conv2DInfo): KernelPlan & { groups: number } {
  const { batchSize: n, outHeight: oH, outWidth: oW, outChannels: o, inChannels: c } = info;
  const window = info.filterHeight * info.filterWidth;
  const m = n * oH * oW;
  const values = { ...windowFields(info), K: window * c, M: m, mult: o / c };
  if (kernel === 'depthwiseBackpropFilter') {
    const [groupRows, groups] = rowGroups(m, 64);
    return {
      kernel,
      geometry: geometryBlock({ ...values, groupRows }),
      sliceBytes: 0,
      units: 4 * groups,
      unitsPerItem: 4,
      unitSize: (groupRows * window * o) / 4,
      groups,
    };
  }
  return {
    kernel,
    geometry: geometryBlock(values),
    sliceBytes: layout([2 * window]).total,
    units: 4 * n,
    unitsPerItem: 4,
    unitSize: (info.inHeight * info.inWidth * window * o) / 4,
    groups: 0,
  };
}
