// Generates the WebAssembly SIMD kernels that work directly on tfjs-backend-wasm's heap:
// src/heap-kernels.wat (readable) and src/heap-kernels-wasm.ts (the compiled bytes, base64).
// Run `node scripts/build-wasm.mjs` after editing this file; both outputs are committed so
// building the package needs no WebAssembly toolchain.
import wabtFactory from 'wabt';
import { writeGenerated } from '../../../scripts/write-generated.mjs';
import { CONV_WAT } from './conv-wat.mjs';
import { DEPTHWISE_WAT } from './depthwise-wat.mjs';
import { POOL_WAT } from './pool-wat.mjs';
import { GEOMETRY } from './wat-helpers.mjs';
import { GEMM_WAT } from './gemm-wat.mjs';
import { MEMORY_WAT } from './memory-wat.mjs';

// i8x16.shuffle byte lists picking f32 lanes: lo(x, y) = [x0 y0 x1 y1], hi = [x2 y2 x3 y3],
// lo64 = [x0 x1 y0 y1], hi64 = [x2 x3 y2 y3] (lanes of y numbered from 4).
const lanes = (...l) => l.flatMap((k) => [0, 1, 2, 3].map((b) => 4 * k + b)).join(' ');
const ZIP_LO = lanes(0, 4, 1, 5);
const ZIP_HI = lanes(2, 6, 3, 7);
const LO64 = lanes(0, 1, 4, 5);
const HI64 = lanes(2, 3, 6, 7);

/** The 4x4-tile transpose, with or without a per-source-row bias added on the way. */
function transposeFunc(name, withBias) {
  const blocked = (text) => text.replaceAll('BLOCK', String(BLOCK));
  const load = (r) => {
    const x = `(v128.load (i32.add (local.get $s) (i32.mul (i32.const ${r}) (local.get $srcRow))))`;
    return withBias ? `(f32x4.add ${x} (f32x4.splat (f32.load offset=${4 * r} (local.get $bi))))` : x;
  };
  const scalarValue = withBias
    ? '(f32.add (f32.load (local.get $p)) (f32.load (i32.add (local.get $bias) (i32.shl (local.get $i) (i32.const 2)))))'
    : '(f32.load (local.get $p))';
  return blocked(`
  ;; ${name}(src, dst, rows, cols, dstStride${withBias ? ', bias' : ''}): dst[j*dstStride + i] = src[i*cols + j]${withBias ? ' + bias[i]' : ''}
  ;; (f32, byte addresses). dstStride = rows for a whole transpose; larger when rows are one slice
  ;; of the source (the slices of one transpose can then run on different threads).
  (func $${name} (export "${name}") (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32) (param $dstStride i32)${withBias ? ' (param $bias i32)' : ''}
    (local $i i32) (local $j i32) (local $rows4 i32) (local $cols4 i32) (local $srcRow i32) (local $dstRow i32)
    (local $s i32) (local $d i32) (local $bi i32) (local $p i32) (local $jb i32) (local $jEnd i32)
    (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128) (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local.set $rows4 (i32.and (local.get $rows) (i32.const -4)))
    (local.set $cols4 (i32.and (local.get $cols) (i32.const -4)))
    (local.set $srcRow (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $dstRow (i32.shl (local.get $dstStride) (i32.const 2)))
    ;; full 4x4 tiles, in column blocks of BLOCK source columns: the BLOCK destination rows being
    ;; filled stay in cache (a row-by-row sweep thrashes it when the strides are powers of two)
    (local.set $jb (i32.const 0))
    (block $blocksDone (loop $blocks
      (br_if $blocksDone (i32.ge_u (local.get $jb) (local.get $cols4)))
      (local.set $jEnd (select (local.get $cols4) (i32.add (local.get $jb) (i32.const BLOCK))
        (i32.gt_u (i32.add (local.get $jb) (i32.const BLOCK)) (local.get $cols4))))
    (local.set $i (i32.const 0))
    (block $tilesDone (loop $tileRows
      (br_if $tilesDone (i32.ge_u (local.get $i) (local.get $rows4)))
      ${withBias ? '(local.set $bi (i32.add (local.get $bias) (i32.shl (local.get $i) (i32.const 2))))' : ''}
      (local.set $j (local.get $jb))
      (block $colsDone (loop $tileCols
        (br_if $colsDone (i32.ge_u (local.get $j) (local.get $jEnd)))
        (local.set $s (i32.add (local.get $src) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cols)) (local.get $j)) (i32.const 2))))
        (local.set $d (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $dstStride)) (local.get $i)) (i32.const 2))))
        (local.set $r0 ${load(0)})
        (local.set $r1 ${load(1)})
        (local.set $r2 ${load(2)})
        (local.set $r3 ${load(3)})
        (local.set $t0 (i8x16.shuffle ${ZIP_LO} (local.get $r0) (local.get $r1)))
        (local.set $t1 (i8x16.shuffle ${ZIP_HI} (local.get $r0) (local.get $r1)))
        (local.set $t2 (i8x16.shuffle ${ZIP_LO} (local.get $r2) (local.get $r3)))
        (local.set $t3 (i8x16.shuffle ${ZIP_HI} (local.get $r2) (local.get $r3)))
        (v128.store (local.get $d) (i8x16.shuffle ${LO64} (local.get $t0) (local.get $t2)))
        (v128.store (i32.add (local.get $d) (local.get $dstRow)) (i8x16.shuffle ${HI64} (local.get $t0) (local.get $t2)))
        (local.set $d (i32.add (local.get $d) (i32.shl (local.get $dstRow) (i32.const 1))))
        (v128.store (local.get $d) (i8x16.shuffle ${LO64} (local.get $t1) (local.get $t3)))
        (v128.store (i32.add (local.get $d) (local.get $dstRow)) (i8x16.shuffle ${HI64} (local.get $t1) (local.get $t3)))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $tileCols)))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $tileRows)))
      (local.set $jb (local.get $jEnd))
      (br $blocks)))
    ;; the ragged edges, one element at a time: columns cols4.. of the tiled rows, then rows rows4..
    (local.set $i (i32.const 0))
    (block $edgeDone (loop $edgeRows
      (br_if $edgeDone (i32.ge_u (local.get $i) (local.get $rows)))
      (local.set $j (select (local.get $cols4) (i32.const 0) (i32.lt_u (local.get $i) (local.get $rows4))))
      (block $rowDone (loop $edgeCols
        (br_if $rowDone (i32.ge_u (local.get $j) (local.get $cols)))
        (local.set $p (i32.add (local.get $src) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cols)) (local.get $j)) (i32.const 2))))
        (f32.store (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $dstStride)) (local.get $i)) (i32.const 2)))
          ${scalarValue})
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $edgeCols)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $edgeRows))))
`);
}

/**
 * One Adam step, in exactly the f32 operations (and order) of the elementwise-kernel version. With
 * `decay`, g first becomes g + (l2*w)*2: tfjs' gradient of the L2 penalty sum(l2 * (w*w)) (its
 * square is a Multiply of w by itself, whose two gradients l2*w are summed, which doubling does
 * exactly), then added to the loss's gradient, which backpropagation reaches later.
 */
function adamBody(vec, decay) {
  const T = vec ? 'f32x4' : 'f32';
  const load = (p) =>
    vec
      ? `(v128.load (i32.add (local.get ${p}) (local.get $k)))`
      : `(f32.load (i32.add (local.get ${p}) (local.get $k)))`;
  const store = (p, x) =>
    vec
      ? `(v128.store (i32.add (local.get ${p}) (local.get $k)) ${x})`
      : `(f32.store (i32.add (local.get ${p}) (local.get $k)) ${x})`;
  const s = (name) => `(local.get $${name}${vec ? 'V' : ''})`;
  const g = `(local.get $g${vec ? 'v' : 's'})`;
  const decayed = `(${T}.add ${g} (${T}.mul (${T}.mul ${s('l2')} ${load('$w')}) ${vec ? '(f32x4.splat (f32.const 2))' : '(f32.const 2)'}))`;
  return `
        (local.set $g${vec ? 'v' : 's'} ${load('$g')})${decay ? `\n        (local.set $g${vec ? 'v' : 's'} ${decayed})` : ''}
        (local.set $m${vec ? 'v' : 's'} (${T}.add (${T}.mul ${load('$m')} ${s('b1')}) (${T}.mul ${g} ${s('c1')})))
        (local.set $v${vec ? 'v' : 's'} (${T}.add (${T}.mul ${load('$v')} ${s('b2')})
          (${T}.mul (${T}.mul ${g} ${g}) ${s('c2')})))
        ${store('$mOut', `(local.get $m${vec ? 'v' : 's'})`)}
        ${store('$vOut', `(local.get $v${vec ? 'v' : 's'})`)}
        ${store('$wOut', `(${T}.add ${load('$w')} (${T}.mul (${T}.div (local.get $m${vec ? 'v' : 's'}) (${T}.add (${T}.sqrt (local.get $v${vec ? 'v' : 's'})) ${s('eps')})) ${s('step')}))`)}`;
}

/** 16 comparisons a step, out as 0/1 bytes; `bValue` is the right operand (OFF: its byte offset). */
function greaterLoop(bValue) {
  const gt = (q) => `(f32x4.gt (v128.load offset=${16 * q} (local.get $pa)) ${bValue.replace('OFF', String(16 * q))})`;
  return `(block $vecDone (loop $vec
      (br_if $vecDone (i32.ge_u (local.get $i) (local.get $end16)))
      (local.set $pa (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 2))))
      (local.set $pb (i32.add (local.get $b) (i32.shl (local.get $i) (i32.const 2))))
      (v128.store (i32.add (local.get $out) (local.get $i)) (v128.and (v128.const i8x16 ${Array(16).fill(1).join(' ')})
        (i8x16.narrow_i16x8_s (i16x8.narrow_i32x4_s ${gt(0)} ${gt(1)}) (i16x8.narrow_i32x4_s ${gt(2)} ${gt(3)}))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br $vec)))`;
}

/** Comparison and selection for LeakyReLU's gradient (greater(x, 0), then where(mask, dy, dy*alpha)). */
const ELEMENTWISE = `
  ;; greater(a, b, out, n, bStep): out[i] = a[i] > b[i*bStep] ? 1 : 0 (f32 in, u8 out; bStep 0: b is a scalar).
  (func (export "greater") (param $a i32) (param $b i32) (param $out i32) (param $n i32) (param $bStep i32)
    (local $i i32) (local $end16 i32) (local $bv v128) (local $pa i32) (local $pb i32)
    (local.set $end16 (i32.and (local.get $n) (i32.const -16)))
    (local.set $bv (v128.load32_splat (local.get $b)))
    (if (local.get $bStep)
      (then ${greaterLoop('(v128.load offset=OFF (local.get $pb))')})
      (else ${greaterLoop('(local.get $bv)')}))
    (block $done (loop $rest
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (i32.store8 (i32.add (local.get $out) (local.get $i))
        (f32.gt (f32.load (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 2))))
          (f32.load (i32.add (local.get $b) (i32.shl (i32.mul (local.get $i) (local.get $bStep)) (i32.const 2))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $rest))))

  ;; select(cond, t, e, out, n): out[i] = cond[i] != 0 ? t[i] : e[i] (u8 condition, f32 values).
  (func (export "select") (param $cond i32) (param $t i32) (param $e i32) (param $out i32) (param $n i32)
    (local $i i32) (local $k i32) (local $end4 i32)
    (local.set $end4 (i32.and (local.get $n) (i32.const -4)))
    (block $vecDone (loop $vec
      (br_if $vecDone (i32.ge_u (local.get $i) (local.get $end4)))
      (local.set $k (i32.shl (local.get $i) (i32.const 2)))
      (v128.store (i32.add (local.get $out) (local.get $k))
        (v128.bitselect (v128.load (i32.add (local.get $t) (local.get $k))) (v128.load (i32.add (local.get $e) (local.get $k)))
          (i32x4.ne (i32x4.extend_low_i16x8_u (i16x8.extend_low_i8x16_u (v128.load32_zero (i32.add (local.get $cond) (local.get $i)))))
            (v128.const i32x4 0 0 0 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $vec)))
    (block $done (loop $rest
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $k (i32.shl (local.get $i) (i32.const 2)))
      (f32.store (i32.add (local.get $out) (local.get $k))
        (select (f32.load (i32.add (local.get $t) (local.get $k))) (f32.load (i32.add (local.get $e) (local.get $k)))
          (i32.load8_u (i32.add (local.get $cond) (local.get $i)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $rest))))
`;

/** Adam over n floats (SIMD, then a scalar tail); `decay`: the variant with an L2 penalty folded in. */
function adamFunc(decay) {
  const header = decay
    ? `  ;; adamL2(..., step, l2): adam with g replaced by g + (l2*w)*2 first (an L2 penalty's gradient).`
    : `  ;; adam(w, g, m, v, wOut, mOut, vOut, n, b1, c1, b2, c2, eps, step): for every k < n,
  ;; m' = m*b1 + g*c1; v' = v*b2 + (g*g)*c2; w' = w + (m' / (sqrt(v') + eps)) * step
  ;; (c1 = 1 - b1, c2 = 1 - b2, step = -lr_t), written to the three outputs.`;
  return `${header}
  (func (export "${decay ? 'adamL2' : 'adam'}") (param $w i32) (param $g i32) (param $m i32) (param $v i32)
    (param $wOut i32) (param $mOut i32) (param $vOut i32) (param $n i32)
    (param $b1 f32) (param $c1 f32) (param $b2 f32) (param $c2 f32) (param $eps f32) (param $step f32)${decay ? ' (param $l2 f32)' : ''}
    (local $k i32) (local $end4 i32) (local $end i32)
    (local $b1V v128) (local $c1V v128) (local $b2V v128) (local $c2V v128) (local $epsV v128) (local $stepV v128)
    (local $gv v128) (local $mv v128) (local $vv v128) (local $gs f32) (local $ms f32) (local $vs f32)${decay ? ' (local $l2V v128)\n    (local.set $l2V (f32x4.splat (local.get $l2)))' : ''}
    (local.set $b1V (f32x4.splat (local.get $b1)))
    (local.set $c1V (f32x4.splat (local.get $c1)))
    (local.set $b2V (f32x4.splat (local.get $b2)))
    (local.set $c2V (f32x4.splat (local.get $c2)))
    (local.set $epsV (f32x4.splat (local.get $eps)))
    (local.set $stepV (f32x4.splat (local.get $step)))
    (local.set $end4 (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $vecDone (loop $vec
      (br_if $vecDone (i32.ge_u (local.get $k) (local.get $end4)))${adamBody(true, decay)}
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br $vec)))
    (block $done (loop $rest
      (br_if $done (i32.ge_u (local.get $k) (local.get $end)))${adamBody(false, decay)}
      (local.set $k (i32.add (local.get $k) (i32.const 4)))
      (br $rest))))
`;
}

const BLOCK = Number(process.env.TRANSPOSE_BLOCK ?? 8); // 8 measured fastest for 1024x1024 (4, 16, 32 tried)
const wat = `;; Generated by scripts/build-wasm.mjs: do not edit by hand.
;; Kernels that run on tfjs-backend-wasm's own memory (imported as env.memory): tensors are
;; addressed by their heap offsets, so no data is copied in or out.
(module
  (import "env" "memory" (memory 1))
${transposeFunc('transpose', false)}
${transposeFunc('transposeAddRowBias', true)}
${ELEMENTWISE}
${GEMM_WAT}
${MEMORY_WAT}
${CONV_WAT}
${DEPTHWISE_WAT}
${POOL_WAT}
${adamFunc(false)}
${adamFunc(true)}
  ;; countNonFinite(x, n): how many of the n f32 at x are NaN or ±Inf (x - x is NaN exactly
  ;; for those). Read-only: what a training loop checks before it applies an update.
  (func (export "countNonFinite") (param $x i32) (param $n i32) (result i32)
    (local $k i32) (local $end4 i32) (local $end i32) (local $acc v128) (local $d v128) (local $count i32) (local $s f32)
    (local.set $end4 (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $vecDone (loop $vec
      (br_if $vecDone (i32.ge_u (local.get $k) (local.get $end4)))
      (local.set $d (v128.load (i32.add (local.get $x) (local.get $k))))
      (local.set $d (f32x4.sub (local.get $d) (local.get $d)))
      (local.set $acc (i32x4.sub (local.get $acc) (f32x4.ne (local.get $d) (local.get $d))))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br $vec)))
    (local.set $count (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
      (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc)))))
    (block $done (loop $rest
      (br_if $done (i32.ge_u (local.get $k) (local.get $end)))
      (local.set $s (f32.load (i32.add (local.get $x) (local.get $k))))
      (local.set $s (f32.sub (local.get $s) (local.get $s)))
      (local.set $count (i32.add (local.get $count) (f32.ne (local.get $s) (local.get $s))))
      (local.set $k (i32.add (local.get $k) (i32.const 4)))
      (br $rest)))
    (local.get $count))
)
`;

const wabt = await wabtFactory();
function compile(text) {
  const features = { simd: true, threads: true };
  const module = wabt.parseWat('heap-kernels.wat', text, features);
  module.validate(features);
  return Buffer.from(module.toBinary({}).buffer);
}
const buffer = compile(wat);
// The same kernels for the threaded backend, whose memory is shared: an import must say so.
const shared = compile(wat.replace('(memory 1)', '(memory 1 65536 shared)'));
const ts = `// Generated by scripts/build-wasm.mjs from heap-kernels.wat: do not edit by hand.
export const HEAP_KERNELS_WASM_BASE64 =
  '${buffer.toString('base64')}';
/** The same module importing a shared memory (tfjs-backend-wasm's threaded build). */
export const HEAP_KERNELS_SHARED_WASM_BASE64 =
  '${shared.toString('base64')}';
`;
// The conv and pool kernels read their geometry from memory, field by field in this order (conv-plan.ts writes it).
const fields = `// Generated by scripts/build-wasm.mjs from scripts/wat-helpers.mjs: do not edit by hand.
/** The i32 fields of a conv geometry block in heap memory, in order (see scripts/wat-helpers.mjs). */
export const CONV_GEOMETRY_FIELDS = [
${GEOMETRY.map((f) => `  '${f}',\n`).join('')}] as const;
`;
writeGenerated(new URL('../src/', import.meta.url), [
  ['heap-kernels.wat', wat],
  ['heap-kernels-wasm.ts', ts],
  ['conv-geometry-fields.ts', fields],
]);
console.log(
  `wrote src/heap-kernels.wat, src/heap-kernels-wasm.ts (${buffer.length} bytes) and src/conv-geometry-fields.ts`,
);
