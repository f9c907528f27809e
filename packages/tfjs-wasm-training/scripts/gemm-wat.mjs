// The GEMM of the heap kernels: C = A·B (+ bias) in WebAssembly SIMD, for the matrix products of
// dense-layer training. Imported by build-wasm.mjs.
//
// A register tile of MR rows × NR columns of C (8 f32x4 accumulators) runs over k with one splat
// of A and two loads of B per row and step, so B is read from a panel of NR columns copied
// (packed) next to the kernel: k × NR floats, 32 KB for k = 1024, which stays in L1 while every
// row block of A passes over it. The panel is packed from any strides of B, so B, Bᵀ, A and Aᵀ
// need no transposed copy: dense forward x·W, dx = dy·Wᵀ and dW = xᵀ·dy are each one call.
//
// Every element of C is summed in the order XNNPACK's wasm GEMM uses: over k in order, one multiply
// and one add (no fused multiply-add: it exists in wasm only as relaxed SIMD, whose rounding depends
// on the machine), starting from the bias (as XNNPACK's fused bias) or from 0 with the bias added
// last (as our transposed forward path did). So results do not depend on the tile or on how the
// columns are cut between threads, and equal those of the paths this kernel replaces bit for bit.
//
// 4 × 8 was the fastest tile measured (4 × 12, 4 × 16, 2 × 16, 5 × 8, 6 × 8 and a k loop unrolled
// twice were 7-30% slower on 100 × 1024 · 1024 × 1024 here; see BENCHMARKS.md).
const MR = 4;
const NR = 8;
const V = NR / 4;

// i8x16.shuffle byte lists picking f32 lanes (as in build-wasm.mjs's transpose).
const lanes = (...l) => l.flatMap((k) => [0, 1, 2, 3].map((b) => 4 * k + b)).join(' ');
const ZIP_LO = lanes(0, 4, 1, 5);
const ZIP_HI = lanes(2, 6, 3, 7);
const LO64 = lanes(0, 1, 4, 5);
const HI64 = lanes(2, 3, 6, 7);

const get = (name) => `(local.get ${name})`;
const accumulators = [];
for (let r = 0; r < MR; r++) for (let v = 0; v < V; v++) accumulators.push(`$c${r}_${v}`);

/** One step over k: two loads of the panel, then per row of the tile a splat of A and its products. */
function kStep() {
  let text = '';
  for (let v = 0; v < V; v++) text += `\n          (local.set $b${v} (v128.load offset=${16 * v} ${get('$q')}))`;
  for (let r = 0; r < MR; r++) {
    text += `\n          (local.set $av (v128.load32_splat ${get(`$p${r}`)}))`;
    for (let v = 0; v < V; v++)
      text += `\n          (local.set $c${r}_${v} (f32x4.add ${get(`$c${r}_${v}`)} (f32x4.mul ${get('$av')} ${get(`$b${v}`)})))`;
    text += `\n          (local.set $p${r} (i32.add ${get(`$p${r}`)} ${get('$ak')}))`;
  }
  return `${text}\n          (local.set $q (i32.add ${get('$q')} (i32.const ${NR * 4})))`;
}

/** Stores the tile at rows i.., columns j.. of C, adding bias[j..] in bias mode 2 (bias last). */
function storeTile() {
  let text = '';
  for (let r = 0; r < MR; r++) {
    text += `\n        (local.set $out (i32.add ${get('$cj')} (i32.mul (i32.add ${get('$i')} (i32.const ${r})) ${get('$ldc')})))`;
    for (let v = 0; v < V; v++) {
      const value = `(f32x4.add ${get(`$c${r}_${v}`)} (v128.load offset=${16 * v} ${get('$bj')}))`;
      text += `\n        (v128.store offset=${16 * v} ${get('$out')} (if (result v128) (i32.eq ${get('$biasMode')} (i32.const 2)) (then ${value}) (else ${get(`$c${r}_${v}`)})))`;
    }
  }
  return text;
}

/** Packs columns j..j+NR of B into the panel: row kk of the panel holds B(kk, j..j+NR). */
const PACK = `
      (if (i32.eq ${get('$bCol')} (i32.const 4))
        (then ;; rows of B contiguous: two vector copies per row
          (local.set $s (i32.add ${get('$b')} (i32.shl ${get('$j')} (i32.const 2))))
          (local.set $d ${get('$panel')})
          (local.set $kk (i32.const 0))
          (block $rowsDone (loop $rows
            (br_if $rowsDone (i32.ge_u ${get('$kk')} ${get('$k')}))
            (v128.store ${get('$d')} (v128.load ${get('$s')}))
            (v128.store offset=16 ${get('$d')} (v128.load offset=16 ${get('$s')}))
            (local.set $s (i32.add ${get('$s')} ${get('$bRow')}))
            (local.set $d (i32.add ${get('$d')} (i32.const 32)))
            (local.set $kk (i32.add ${get('$kk')} (i32.const 1)))
            (br $rows))))
        (else (if (i32.and (i32.eq ${get('$bRow')} (i32.const 4)) (i32.eqz (i32.and ${get('$k')} (i32.const 3))))
          (then ;; columns of B contiguous (B is a transposed matrix): 4 × 4 transposes
            (local.set $kk (i32.const 0))
            (block $blocksDone (loop $blocks
              (br_if $blocksDone (i32.ge_u ${get('$kk')} ${get('$k')}))
              (local.set $s (i32.add (i32.add ${get('$b')} (i32.shl ${get('$kk')} (i32.const 2))) (i32.mul ${get('$j')} ${get('$bCol')})))
              (local.set $d (i32.add ${get('$panel')} (i32.shl ${get('$kk')} (i32.const 5))))
              ${[0, 1]
                .map(
                  (half) => `
              (local.set $r0 (v128.load ${get('$s')}))
              (local.set $r1 (v128.load (i32.add ${get('$s')} ${get('$bCol')})))
              (local.set $r2 (v128.load (i32.add ${get('$s')} (i32.shl ${get('$bCol')} (i32.const 1)))))
              (local.set $r3 (v128.load (i32.add ${get('$s')} (i32.mul ${get('$bCol')} (i32.const 3)))))
              (local.set $t0 (i8x16.shuffle ${ZIP_LO} ${get('$r0')} ${get('$r1')}))
              (local.set $t1 (i8x16.shuffle ${ZIP_HI} ${get('$r0')} ${get('$r1')}))
              (local.set $t2 (i8x16.shuffle ${ZIP_LO} ${get('$r2')} ${get('$r3')}))
              (local.set $t3 (i8x16.shuffle ${ZIP_HI} ${get('$r2')} ${get('$r3')}))
              (v128.store offset=${16 * half} ${get('$d')} (i8x16.shuffle ${LO64} ${get('$t0')} ${get('$t2')}))
              (v128.store offset=${32 + 16 * half} ${get('$d')} (i8x16.shuffle ${HI64} ${get('$t0')} ${get('$t2')}))
              (v128.store offset=${64 + 16 * half} ${get('$d')} (i8x16.shuffle ${LO64} ${get('$t1')} ${get('$t3')}))
              (v128.store offset=${96 + 16 * half} ${get('$d')} (i8x16.shuffle ${HI64} ${get('$t1')} ${get('$t3')}))
              (local.set $s (i32.add ${get('$s')} (i32.shl ${get('$bCol')} (i32.const 2))))`,
                )
                .join('')}
              (local.set $kk (i32.add ${get('$kk')} (i32.const 4)))
              (br $blocks))))
          (else ;; any other strides: one element at a time
            (local.set $d ${get('$panel')})
            (local.set $kk (i32.const 0))
            (block $rowsDone (loop $rows
              (br_if $rowsDone (i32.ge_u ${get('$kk')} ${get('$k')}))
              (local.set $s (i32.add (i32.add ${get('$b')} (i32.mul ${get('$kk')} ${get('$bRow')})) (i32.mul ${get('$j')} ${get('$bCol')})))
              ${Array.from(
                { length: NR },
                (_, t) =>
                  `(f32.store offset=${4 * t} ${get('$d')} (f32.load (i32.add ${get('$s')} (i32.mul ${get('$bCol')} (i32.const ${t})))))`,
              ).join('\n              ')}
              (local.set $d (i32.add ${get('$d')} (i32.const ${NR * 4})))
              (local.set $kk (i32.add ${get('$kk')} (i32.const 1)))
              (br $rows)))))))`;

export const GEMM_WAT = `
  ;; gemm(a, aRow, aCol, b, bRow, bCol, panel, c, ldc, bias, biasMode, m, n, k):
  ;; C(i, j) = Σ_kk A(i, kk)·B(kk, j) for i < m, j < n, with bias[j] added first (biasMode 1: the sum
  ;; starts from it) or last (2), or none (0); A(i, kk) at a + i·aRow + kk·aCol,
  ;; B(kk, j) at b + kk·bRow + j·bCol, C(i, j) at c + i·ldc + 4j (bytes). m a multiple of ${MR}, n of ${NR};
  ;; panel: scratch of 4·${NR}·k bytes. Columns can be cut between threads (each with its own panel).
  (func $gemm (export "gemm") (param $a i32) (param $aRow i32) (param $aCol i32) (param $b i32) (param $bRow i32)
    (param $bCol i32) (param $panel i32) (param $c i32) (param $ldc i32) (param $bias i32) (param $biasMode i32)
    (param $m i32) (param $n i32) (param $k i32)
    (local $i i32) (local $j i32) (local $kk i32) (local $q i32) (local $s i32) (local $d i32) (local $out i32)
    (local $cj i32) (local $bj i32) (local $ak i32)
    ${Array.from({ length: MR }, (_, r) => `(local $p${r} i32)`).join(' ')}
    (local $av v128) ${Array.from({ length: V }, (_, v) => `(local $b${v} v128)`).join(' ')}
    (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128) (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    ${accumulators.map((name) => `(local ${name} v128)`).join(' ')}
    (local.set $ak ${get('$aCol')})
    (local.set $j (i32.const 0))
    (block $columnsDone (loop $columns
      (br_if $columnsDone (i32.ge_u ${get('$j')} ${get('$n')}))
${PACK}
      (local.set $cj (i32.add ${get('$c')} (i32.shl ${get('$j')} (i32.const 2))))
      (local.set $bj (i32.add ${get('$bias')} (i32.shl ${get('$j')} (i32.const 2))))
      (local.set $i (i32.const 0))
      (block $rowsDone (loop $rowBlocks
        (br_if $rowsDone (i32.ge_u ${get('$i')} ${get('$m')}))
        (if (i32.eq ${get('$biasMode')} (i32.const 1))
          (then ${accumulators.map((name) => `(local.set ${name} (v128.load offset=${16 * Number(name.at(-1))} ${get('$bj')}))`).join(' ')})
          (else ${accumulators.map((name) => `(local.set ${name} (v128.const i32x4 0 0 0 0))`).join(' ')}))
        ${Array.from({ length: MR }, (_, r) => `(local.set $p${r} (i32.add ${get('$a')} (i32.mul (i32.add ${get('$i')} (i32.const ${r})) ${get('$aRow')})))`).join('\n        ')}
        (local.set $q ${get('$panel')})
        (local.set $kk ${get('$k')})
        (block $kDone (loop $kLoop
          (br_if $kDone (i32.eqz ${get('$kk')}))${kStep()}
          (local.set $kk (i32.sub ${get('$kk')} (i32.const 1)))
          (br $kLoop)))${storeTile()}
        (local.set $i (i32.add ${get('$i')} (i32.const ${MR})))
        (br $rowBlocks)))
      (local.set $j (i32.add ${get('$j')} (i32.const ${NR})))
      (br $columns))))
`;

export const GEMM_TILE = { rows: MR, columns: NR };
