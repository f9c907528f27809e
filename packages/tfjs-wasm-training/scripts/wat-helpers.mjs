// Helpers for writing the hand-written WebAssembly text of the conv and pool kernels (conv-wat.mjs,
// pool-wat.mjs): i32 locals, counted loops, and the geometry block those kernels read.
//
// A conv's (or pool's) geometry, and the conv kernels' sub-chunk plan, is a block of i32 in memory, not
// arguments: a helper thread passes at most 16 arguments. Its fields, by index (build-wasm.mjs writes
// them to src/conv-geometry-fields.ts for conv-plan.ts):
export const GEOMETRY = [
  'H', // input height, width, channels
  'W',
  'C',
  'oH', // output height, width, channels
  'oW',
  'O',
  'fH', // filter height, width
  'fW',
  'sH', // strides
  'sW',
  'dH', // dilations
  'dW',
  'pT', // padding before the first row, column
  'pL',
  'K', // fH·fW·C
  'ld', // floats per row of the im2col (or dI) scratch: K, or K rounded up to 8 for a GEMM's columns
  'oLd', // forward: the GEMM's columns, O rounded up to 8 (the filter and bias then get zero columns)
  'M', // N·oH·oW
  'chunk', // rows (forward, dW) or images (dX) per sub-chunk
  'groupRows', // dW: rows per group
  'aRows', // dW: rows of A (dyᵀ, or Iᵀ with byRows), rounded up to 4 (the GEMM's tile)
  'aUsed', // dW: the rows of A the transposes write (O, or K with byRows)
  'cols', // dW: the GEMM's columns (ld, or O with byRows)
  'byRows', // dW: 1 when it is computed as Iᵀ·dy (dW itself) rather than dyᵀ·I (dWᵀ)
  'offPanel', // byte offsets in a thread's scratch: the GEMM's panel, A (dyᵀ or a tail of dy),
  'offA', // a small C (a tail of y, or one sub-chunk of dW), and col2im's list of source rows
  'offTmp',
  'offList',
  'mult', // depthwise: the channel multiplier (O = C·mult)
];
const field = Object.fromEntries(GEOMETRY.map((name, i) => [name, i]));
/** `(i32.load ...)` of one geometry field. */
export const geo = (name) => `(i32.load offset=${4 * field[name]} (local.get $g))`;
export const get = (name) => `(local.get $${name})`;
export const set = (name, value) => `(local.set $${name} ${value})`;
export const add = (a, b) => `(i32.add ${a} ${b})`;
export const mul = (a, b) => `(i32.mul ${a} ${b})`;
export const locals = (...names) => names.map((n) => `(local $${n} i32)`).join(' ');
/** Reads geometry fields into locals of the same names. */
export const load = (...names) => names.map((n) => set(n, geo(n))).join('\n    ');
/** A counted loop: `body` runs for `name` = from, from + step, ... while below `to`. */
export function loop(name, from, to, body, step = '(i32.const 1)') {
  return `${set(name, from)}
    (block $${name}Done (loop $${name}Loop
      (br_if $${name}Done (i32.ge_s ${get(name)} ${to}))
      ${body}
      ${set(name, add(get(name), step))}
      (br $${name}Loop)))`;
}

/**
 * The output pixels whose window reads input pixel ($n, $ih, $iw), in (fh, fw) order: `body` runs for
 * each with $oh, $ow, $fh, $fw set, and $rowBase = ($n − $n0)·oH·oW + $oh·oW (its row, less $ow, counted
 * from image $n0). Needs the geometry locals H, W, oH, oW, fH, fW, sH, sW, dH, dW, pT, pL and the
 * locals t, u of the caller.
 */
export function readersOf(body) {
  return loop(
    'fh',
    '(i32.const 0)',
    get('fH'),
    `${set('t', `(i32.sub ${add(get('ih'), get('pT'))} ${mul(get('fh'), get('dH'))})`)}
    (if (i32.and (i32.ge_s ${get('t')} (i32.const 0)) (i32.eqz (i32.rem_u ${get('t')} ${get('sH')})))
      (then
        ${set('oh', '(i32.div_u (local.get $t) (local.get $sH))')}
        (if (i32.lt_u ${get('oh')} ${get('oH')})
          (then
            ${set('rowBase', mul(add(mul(`(i32.sub ${get('n')} ${get('n0')})`, get('oH')), get('oh')), get('oW')))}
            ${loop(
              'fw',
              '(i32.const 0)',
              get('fW'),
              `${set('u', `(i32.sub ${add(get('iw'), get('pL'))} ${mul(get('fw'), get('dW'))})`)}
              (if (i32.and (i32.ge_s ${get('u')} (i32.const 0)) (i32.eqz (i32.rem_u ${get('u')} ${get('sW')})))
                (then
                  ${set('ow', '(i32.div_u (local.get $u) (local.get $sW))')}
                  (if (i32.lt_u ${get('ow')} ${get('oW')}) (then ${body}))))`,
            )}))))`,
  );
}

/**
 * Every input pixel ($n, $ih, $iw) of images $n0..$n1 in order, `body` for each, with $d pointing at
 * that pixel in dx (its channels $cBytes long) and $count reset to 0.
 */
export function eachInputPixel(body) {
  return `${set('d', add(get('dx'), mul(mul(mul(get('n0'), get('H')), get('W')), get('cBytes'))))}
    ${loop(
      'n',
      get('n0'),
      get('n1'),
      loop(
        'ih',
        '(i32.const 0)',
        get('H'),
        loop(
          'iw',
          '(i32.const 0)',
          get('W'),
          `${set('count', '(i32.const 0)')}
          ${body}
          ${set('d', add(get('d'), get('cBytes')))}`,
        ),
      ),
    )}`;
}
