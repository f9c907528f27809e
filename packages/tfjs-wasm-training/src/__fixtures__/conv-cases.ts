import { createHash } from 'node:crypto';
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '@manifold-mixup/random';

// Convolutions to check our conv kernels on: random shapes of every padding, stride and dilation tfjs
// allows, their inputs, and the three kernels' outputs on whatever backend is active.

type Pad = 'valid' | 'same' | number | [[0, 0], [number, number], [number, number], [0, 0]];

export interface ConvCase {
  x: [number, number, number, number];
  filter: [number, number, number, number];
  strides: [number, number];
  /** Conv2D only: tfjs' gradients refuse dilations, and its backprop kernels take none. */
  dilations: [number, number];
  pad: Pad;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  /** A depthwise conv: filter [fH, fW, C, multiplier]. */
  depthwise?: boolean;
}

export interface ConvInputs {
  x: Float32Array;
  filter: Float32Array;
  dy: Float32Array;
  dyShape: number[];
}

export interface ConvOutputs {
  forward: Float32Array;
  dx: Float32Array;
  dw: Float32Array;
}

const describePad = (pad: Pad): string => (Array.isArray(pad) ? `[${pad[1]}|${pad[2]}]` : String(pad));
export const describeCase = (c: ConvCase): string =>
  `x [${c.x}] filter [${c.filter}] strides ${c.strides} dilations ${c.dilations} pad ${describePad(c.pad)}` +
  (c.dimRoundingMode == null ? '' : ` ${c.dimRoundingMode}`);

/** The output shape, or null when these shapes make none (tfjs would refuse them, or an empty output). */
function outputShape(c: ConvCase): number[] | null {
  try {
    const { x, filter, strides, dilations, pad, dimRoundingMode, depthwise } = c;
    const info = tf.backend_util.computeConv2DInfo(x, filter, strides, dilations, pad, dimRoundingMode, depthwise);
    return info.outHeight > 0 && info.outWidth > 0 ? info.outShape : null;
  } catch {
    return null;
  }
}

/**
 * `count` random convolutions (seeded): batch 1-4, 1-12 pixels a side, 1-12 input and 1-20 output
 * channels (`depthwise`: multipliers 1-3), filters 1-5 a side, strides 1-3 or (`dilations`)
 * dilations 1-2 where the strides are 1, and every kind of padding: 'same', 'valid', a number
 * (sometimes with a dimRoundingMode) and explicit.
 */
export function randomConvCases(count: number, seed: number, dilations: boolean, depthwise = false): ConvCase[] {
  const rng = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
  const cases: ConvCase[] = [];
  while (cases.length < count) {
    const c = int(1, 12);
    const strides: [number, number] = [int(1, 3), int(1, 3)];
    const dilated = dilations && rng() < 0.5;
    const kind = int(0, 3);
    const pad: Pad =
      kind === 0
        ? 'same'
        : kind === 1
          ? 'valid'
          : kind === 2
            ? int(0, 2)
            : [
                [0, 0],
                [int(0, 2), int(0, 2)],
                [int(0, 2), int(0, 2)],
                [0, 0],
              ];
    const candidate: ConvCase = {
      x: [int(1, 4), int(1, 12), int(1, 12), c],
      filter: [int(1, 5), int(1, 5), c, depthwise ? int(1, 3) : int(1, 20)],
      strides: dilated ? [1, 1] : strides,
      dilations: dilated ? [int(1, 2), int(1, 2)] : [1, 1],
      pad,
      dimRoundingMode:
        typeof pad === 'number' && rng() < 0.5 ? (['floor', 'round', 'ceil'] as const)[int(0, 2)] : undefined,
      depthwise,
    };
    if (outputShape(candidate) != null) cases.push(candidate);
  }
  return cases;
}

/** Seeded inputs in [-1, 1) for a case (dy of its output's shape). */
export function convInputs(c: ConvCase, seed: number): ConvInputs {
  const rng = mulberry32(seed);
  const draw = (shape: number[]): Float32Array =>
    Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 2 * rng() - 1);
  const dyShape = outputShape(c) as number[];
  return { x: draw(c.x), filter: draw(c.filter), dy: draw(dyShape), dyShape };
}

/**
 * Conv2D, Conv2DBackpropInput and Conv2DBackpropFilter of a case on the active backend; with `abs`, of
 * the inputs' absolute values (each output element's Σ|a·b|, the scale of its rounding error).
 */
export function convOutputs(c: ConvCase, inputs: ConvInputs, abs = false): ConvOutputs {
  return tf.tidy(() => {
    const t = (values: Float32Array, shape: number[]) => {
      const tensor = tf.tensor(values, shape, 'float32');
      return abs ? tf.abs(tensor) : tensor;
    };
    const x = t(inputs.x, c.x) as tf.Tensor4D;
    const filter = t(inputs.filter, c.filter) as tf.Tensor4D;
    const dy = t(inputs.dy, inputs.dyShape) as tf.Tensor4D;
    const forward = tf.conv2d(x, filter, c.strides, c.pad, 'NHWC', c.dilations, c.dimRoundingMode);
    const withoutDilations = { ...c, dilations: [1, 1] as [number, number] };
    const gradients = outputShape(withoutDilations) != null && c.dilations.every((d) => d === 1);
    const dx = gradients ? tf.conv2dTranspose(dy, filter, c.x, c.strides, c.pad, c.dimRoundingMode) : tf.zeros([0]);
    const dw = gradients
      ? (tf.engine().runKernel(
          'Conv2DBackpropFilter',
          { x, dy },
          {
            strides: c.strides,
            pad: c.pad,
            dataFormat: 'NHWC',
            ...(c.dimRoundingMode == null ? {} : { dimRoundingMode: c.dimRoundingMode }),
            filterShape: c.filter,
          },
        ) as tf.Tensor)
      : tf.zeros([0]);
    return {
      forward: forward.dataSync() as Float32Array,
      dx: dx.dataSync() as Float32Array,
      dw: dw.dataSync() as Float32Array,
    };
  });
}

/** A depthwise case's two gradients on the active backend (with `abs`, of the inputs' absolute values). */
export function depthwiseOutputs(c: ConvCase, inputs: ConvInputs, abs = false): Pick<ConvOutputs, 'dx' | 'dw'> {
  return tf.tidy(() => {
    const t = (values: Float32Array, shape: number[]) =>
      abs ? tf.abs(tf.tensor(values, shape)) : tf.tensor(values, shape);
    const [x, filter, dy] = [t(inputs.x, c.x), t(inputs.filter, c.filter), t(inputs.dy, inputs.dyShape)];
    const attrs = {
      strides: c.strides,
      dilations: c.dilations,
      pad: c.pad,
      ...(c.dimRoundingMode == null ? {} : { dimRoundingMode: c.dimRoundingMode }),
    };
    const run = (name: string, inputs: tf.NamedTensorMap, extra: tf.NamedAttrMap): Float32Array =>
      (tf.engine().runKernel(name, inputs, { ...attrs, ...extra }) as tf.Tensor).dataSync() as Float32Array;
    return {
      dx: run('DepthwiseConv2dNativeBackpropInput', { dy, filter }, { inputShape: c.x }),
      dw: run('DepthwiseConv2dNativeBackpropFilter', { x, dy }, { filterShape: c.filter }),
    };
  });
}

/** How many terms each output element of a kernel sums (an upper bound: padding drops some). */
export function sumLengths(c: ConvCase, dyShape: number[]): Record<keyof ConvOutputs, number> {
  const [fH, fW, inC, outC] = c.filter; // depthwise: outC is the multiplier
  const forward = c.depthwise === true ? fH * fW : fH * fW * inC;
  return { forward, dx: fH * fW * outC, dw: dyShape[0] * dyShape[1] * dyShape[2] };
}

/**
 * The largest |got − expected| / bound over the elements, where bound = terms · 2⁻²³ · magnitude: a sum
 * of `terms` products in float32, in any order, is within terms · 2⁻²⁴ · Σ|products| of the exact sum
 * (each addition rounds by at most 2⁻²⁴ of a partial sum), and tfjs' cpu kernels, which sum in
 * float64 and round once, within 2⁻²⁴ · Σ|products|; the two differ by less than the bound. Above 1
 * means a kernel is wrong, not just rounded differently.
 */
export function worstOverBound(
  got: Float32Array,
  expected: Float32Array,
  magnitude: Float32Array,
  terms: number,
): number {
  if (got.length !== expected.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < got.length; i++) {
    const error = Math.abs(got[i] - expected[i]);
    if (error === 0) continue;
    worst = Math.max(worst, error / (terms * 2 ** -23 * magnitude[i]));
  }
  return worst;
}

/**
 * Convolutions big enough for the kernels to cut between two threads, several sub-chunks and groups
 * each, ragged tails included: the MNIST convnet's two layers at batch 8, a strided 'same' conv, a
 * dilated one (forward only).
 */
export const SPLIT_CASES: ConvCase[] = [
  { x: [8, 13, 13, 32], filter: [3, 3, 32, 64], strides: [1, 1], dilations: [1, 1], pad: 'valid' },
  { x: [6, 28, 28, 1], filter: [3, 3, 1, 32], strides: [1, 1], dilations: [1, 1], pad: 'valid' },
  { x: [5, 17, 15, 12], filter: [5, 3, 12, 20], strides: [2, 1], dilations: [1, 1], pad: 'same' },
  { x: [4, 20, 20, 9], filter: [3, 3, 9, 16], strides: [1, 1], dilations: [2, 2], pad: 'same' },
];

/** Depthwise convolutions big enough to be cut between two threads, several groups each, ragged channels. */
export const SPLIT_DEPTHWISE: ConvCase[] = [
  { x: [8, 14, 14, 18], filter: [3, 3, 18, 1], strides: [1, 1], dilations: [1, 1], pad: 'same', depthwise: true },
  { x: [8, 31, 29, 6], filter: [3, 3, 6, 2], strides: [2, 2], dilations: [1, 1], pad: 'same', depthwise: true },
];

/** SHA-256 of both depthwise gradients on SPLIT_DEPTHWISE (inputs seeded 700, 701) with our kernels, on 1 and 2 threads. */
export const DEPTHWISE_GOLDEN_SHA256 = '40b1d4b7f660587afbf59b1c3d99407c50f672539cdb7db3a9815e2823546ff4';

/** The SHA-256 DEPTHWISE_GOLDEN_SHA256 is of, computed on the active backend. */
export function splitDepthwiseSha256(): string {
  return sha256(
    SPLIT_DEPTHWISE.flatMap((c, i) => {
      const { dx, dw } = depthwiseOutputs(c, convInputs(c, 700 + i));
      return [dx, dw];
    }),
  );
}

/** SPLIT_CASES' inputs (the golden SHA-256 below is of their outputs). */
export const splitCaseInputs = (): ConvInputs[] => SPLIT_CASES.map((c, i) => convInputs(c, 160 + i));

/** Max-pool gradients of SPLIT_CASES-sized inputs: [x shape, filter size, strides, pad]. */
export const SPLIT_POOLS: Array<
  [[number, number, number, number], number | [number, number], number, 'valid' | 'same']
> = [
  [[8, 26, 26, 32], 2, 2, 'valid'],
  [[6, 31, 29, 20], 3, 2, 'same'],
];

/** MaxPoolGrad of a max-pool of `x` (seeded values, rounded to give ties) for a seeded dy, on the active backend. */
export function maxPoolGradOf(
  shape: [number, number, number, number],
  filterSize: number | [number, number],
  strides: number | [number, number],
  pad: 'valid' | 'same' | number,
  seed: number,
): Float32Array {
  const rng = mulberry32(seed);
  return tf.tidy(() => {
    const values = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => Math.round(8 * rng() - 4));
    const x = tf.tensor4d(values, shape);
    const y = tf.maxPool(x, filterSize, strides, pad);
    const dy = tf.tensor(
      Float32Array.from({ length: y.size }, () => 2 * rng() - 1),
      y.shape,
    );
    const dx = tf.engine().runKernel('MaxPoolGrad', { dy, input: x, output: y }, { filterSize, strides, pad });
    return (dx as tf.Tensor).dataSync() as Float32Array;
  });
}

/** SHA-256 of the three kernels' outputs on SPLIT_CASES (splitCaseInputs) with our kernels, on 1 and 2 threads. */
export const CONV_GOLDEN_SHA256 = '3b856d9550bb63291c31485df98a755d975411e5ae36fa7908a46ae60b40d7c6';

/** SHA-256 of MaxPoolGrad's outputs on SPLIT_POOLS (seeds 0, 1, ...) with our kernel, on 1 and 2 threads. */
export const POOL_GOLDEN_SHA256 = '72592fa5ec29c85bdf72c5e66d8ae58eba4b2d46d4643e10e1c56107d39bc19f';

/** SHA-256 of float32 arrays' bytes, in order. */
export function sha256(arrays: Float32Array[]): string {
  const hash = createHash('sha256');
  for (const a of arrays) hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return hash.digest('hex');
}
