import { wasmFloat64Views, wasmKernels } from './wasm-kernels.js';

/**
 * Gram matrix X^T X (cols x cols, Float64) of selected rows of a row-major matrix, optionally after
 * subtracting a per-column mean. This is the cost of a spectrum for tall matrices (n*d^2/2 multiply-adds),
 * so it is blocked: rows are copied in chunks into a column-major Float64 panel (centred there, exactly),
 * and each small tile of the upper triangle is accumulated by a register micro-kernel over contiguous
 * memory. The kernel is WebAssembly SIMD (f64x2, 4x2 tiles; see kernels.wat), ~4x faster than the
 * plain-JS 4x4 kernel, which remains as the fallback where WebAssembly SIMD is unavailable.
 */
const CHUNK = 256;

export type GramKernel = 'auto' | 'wasm' | 'js';

export function gramMatrix(
  values: ArrayLike<number>,
  cols: number,
  rows: ArrayLike<number>,
  mean: Float64Array | null = null,
  kernel: GramKernel = 'auto',
): Float64Array {
  const dp = Math.ceil(cols / 4) * 4; // padded with zero columns so the kernels need no edge cases
  const wasm = kernel === 'js' ? null : wasmKernels();
  if (kernel === 'wasm' && wasm === null) throw new Error('gramMatrix: WebAssembly SIMD is not available here');
  const panelBytes = dp * CHUNK * 8;
  let panel: Float64Array;
  let gram: Float64Array;
  if (wasm !== null) {
    [panel, gram] = wasmFloat64Views(wasm, [dp * CHUNK, dp * dp]);
    gram.fill(0);
  } else {
    panel = new Float64Array(dp * CHUNK);
    gram = new Float64Array(dp * dp);
  }
  for (let start = 0; start < rows.length; start += CHUNK) {
    const len = Math.min(CHUNK, rows.length - start);
    fillPanel(values, cols, rows, mean, start, len, panel);
    // The wasm kernel takes rows two at a time; fillPanel zeroed the row after an odd last chunk.
    if (wasm !== null) wasm.accumulate(0, panelBytes, dp, CHUNK, len + (len % 2));
    else accumulateUpper(panel, len, dp, gram);
  }
  return unpad(gram, dp, cols);
}

/** panel[c * CHUNK + k] = values[rows[start + k], c] - mean[c]; padded columns and rows beyond len are 0. */
function fillPanel(
  values: ArrayLike<number>,
  cols: number,
  rows: ArrayLike<number>,
  mean: Float64Array | null,
  start: number,
  len: number,
  panel: Float64Array,
): void {
  if (len < CHUNK) panel.fill(0);
  for (let k = 0; k < len; k++) {
    const offset = rows[start + k] * cols;
    for (let c = 0; c < cols; c++) {
      panel[c * CHUNK + k] = mean === null ? values[offset + c] : values[offset + c] - mean[c];
    }
  }
}

/** Plain-JS fallback of the wasm kernel: 4x4 tiles (16 multiply-adds per 8 loads) of the upper triangle. */
function accumulateUpper(panel: Float64Array, len: number, dp: number, gram: Float64Array): void {
  for (let i = 0; i < dp; i += 4) {
    const a0 = i * CHUNK;
    const a1 = a0 + CHUNK;
    const a2 = a1 + CHUNK;
    const a3 = a2 + CHUNK;
    for (let j = i; j < dp; j += 4) {
      const b0 = j * CHUNK;
      const b1 = b0 + CHUNK;
      const b2 = b1 + CHUNK;
      const b3 = b2 + CHUNK;
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s03 = 0,
        s10 = 0,
        s11 = 0,
        s12 = 0,
        s13 = 0;
      let s20 = 0,
        s21 = 0,
        s22 = 0,
        s23 = 0,
        s30 = 0,
        s31 = 0,
        s32 = 0,
        s33 = 0;
      for (let k = 0; k < len; k++) {
        const x0 = panel[a0 + k],
          x1 = panel[a1 + k],
          x2 = panel[a2 + k],
          x3 = panel[a3 + k];
        const y0 = panel[b0 + k],
          y1 = panel[b1 + k],
          y2 = panel[b2 + k],
          y3 = panel[b3 + k];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
        s20 += x2 * y0;
        s21 += x2 * y1;
        s22 += x2 * y2;
        s23 += x2 * y3;
        s30 += x3 * y0;
        s31 += x3 * y1;
        s32 += x3 * y2;
        s33 += x3 * y3;
      }
      let g = i * dp + j;
      gram[g] += s00;
      gram[g + 1] += s01;
      gram[g + 2] += s02;
      gram[g + 3] += s03;
      g += dp;
      gram[g] += s10;
      gram[g + 1] += s11;
      gram[g + 2] += s12;
      gram[g + 3] += s13;
      g += dp;
      gram[g] += s20;
      gram[g + 1] += s21;
      gram[g + 2] += s22;
      gram[g + 3] += s23;
      g += dp;
      gram[g] += s30;
      gram[g + 1] += s31;
      gram[g + 2] += s32;
      gram[g + 3] += s33;
    }
  }
}

/** Full symmetric cols x cols matrix from the padded upper-block triangle. */
function unpad(gram: Float64Array, dp: number, cols: number): Float64Array {
  const out = new Float64Array(cols * cols);
  for (let i = 0; i < cols; i++) {
    for (let j = i; j < cols; j++) {
      const v = gram[i * dp + j];
      out[i * cols + j] = v;
      out[j * cols + i] = v;
    }
  }
  return out;
}
