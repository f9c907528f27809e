// Small memory kernels the conv, depthwise and pool kernels share (copy, zero, add in place) and sumRows,
// which adds rows of floats column by column: the groups' partial sums of a filter gradient, and Sum over
// leading axes. Imported by build-wasm.mjs.
import { add, get, loop, mul, set } from './wat-helpers.mjs';

/** Memory helpers: copy, zero, add in place (byte counts multiple of 4; vectors, then single floats). */
const HELPERS = `
  (func $copy (param $d i32) (param $s i32) (param $bytes i32)
    (block $done (loop $vec
      (br_if $done (i32.lt_s ${get('bytes')} (i32.const 16)))
      (v128.store ${get('d')} (v128.load ${get('s')}))
      ${set('d', add(get('d'), '(i32.const 16)'))} ${set('s', add(get('s'), '(i32.const 16)'))}
      ${set('bytes', '(i32.sub (local.get $bytes) (i32.const 16))')}
      (br $vec)))
    (block $tailDone (loop $tail
      (br_if $tailDone (i32.le_s ${get('bytes')} (i32.const 0)))
      (f32.store ${get('d')} (f32.load ${get('s')}))
      ${set('d', add(get('d'), '(i32.const 4)'))} ${set('s', add(get('s'), '(i32.const 4)'))}
      ${set('bytes', '(i32.sub (local.get $bytes) (i32.const 4))')}
      (br $tail))))
  (func $zero (param $d i32) (param $bytes i32)
    (block $done (loop $vec
      (br_if $done (i32.lt_s ${get('bytes')} (i32.const 16)))
      (v128.store ${get('d')} (v128.const i32x4 0 0 0 0))
      ${set('d', add(get('d'), '(i32.const 16)'))}
      ${set('bytes', '(i32.sub (local.get $bytes) (i32.const 16))')}
      (br $vec)))
    (block $tailDone (loop $tail
      (br_if $tailDone (i32.le_s ${get('bytes')} (i32.const 0)))
      (f32.store ${get('d')} (f32.const 0))
      ${set('d', add(get('d'), '(i32.const 4)'))}
      ${set('bytes', '(i32.sub (local.get $bytes) (i32.const 4))')}
      (br $tail))))
  ;; addInto(d, s, n): d[i] += s[i] for n floats, n a multiple of 4
  (func $addInto (param $d i32) (param $s i32) (param $n i32)
    (local $end i32)
    ${set('end', add(get('d'), '(i32.shl (local.get $n) (i32.const 2))'))}
    (block $done (loop $vec
      (br_if $done (i32.ge_u ${get('d')} ${get('end')}))
      (v128.store ${get('d')} (f32x4.add (v128.load ${get('d')}) (v128.load ${get('s')})))
      ${set('d', add(get('d'), '(i32.const 16)'))} ${set('s', add(get('s'), '(i32.const 16)'))}
      (br $vec))))
`;

const SUM_ROWS = `
  ;; sumRows(src, rows, n, dst): dst[j] = 0 + src[0, j] + src[1, j] + ... (rows of n floats), each
  ;; column summed in row order as a sequential loop would (tfjs-wasm's Sum does, after a transpose).
  ;; dst may be src's first row. One pass over src, row by row.
  (func (export "sumRows") (param $src i32) (param $rows i32) (param $n i32) (param $dst i32)
    (local $r i32) (local $j i32) (local $n4 i32) (local $s i32) (local $d i32) (local $first v128) (local $f f32)
    ${set('n4', '(i32.and (local.get $n) (i32.const -4))')}
    ;; row 0 added to zeros, in place if dst is row 0 (so read before written)
    ${loop(
      'j',
      '(i32.const 0)',
      get('n4'),
      `${set('first', '(v128.load (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 2))))')}
      (v128.store (i32.add (local.get $dst) (i32.shl (local.get $j) (i32.const 2))) (f32x4.add (v128.const i32x4 0 0 0 0) ${get('first')}))`,
      '(i32.const 4)',
    )}
    ${loop(
      'j',
      get('n4'),
      get('n'),
      `${set('f', '(f32.load (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 2))))')}
      (f32.store (i32.add (local.get $dst) (i32.shl (local.get $j) (i32.const 2))) (f32.add (f32.const 0) ${get('f')}))`,
    )}
    ${loop(
      'r',
      '(i32.const 1)',
      get('rows'),
      `${set('s', add(get('src'), `(i32.shl ${mul(get('r'), get('n'))} (i32.const 2))`))}
      ${set('d', get('dst'))}
      ${loop(
        'j',
        '(i32.const 0)',
        get('n4'),
        `(v128.store ${get('d')} (f32x4.add (v128.load ${get('d')}) (v128.load ${get('s')})))
        ${set('s', add(get('s'), '(i32.const 16)'))} ${set('d', add(get('d'), '(i32.const 16)'))}`,
        '(i32.const 4)',
      )}
      ${loop(
        'j',
        get('n4'),
        get('n'),
        `(f32.store ${get('d')} (f32.add (f32.load ${get('d')}) (f32.load ${get('s')})))
        ${set('s', add(get('s'), '(i32.const 4)'))} ${set('d', add(get('d'), '(i32.const 4)'))}`,
      )}`,
    )})
`;

export const MEMORY_WAT = `${HELPERS}${SUM_ROWS}`;
