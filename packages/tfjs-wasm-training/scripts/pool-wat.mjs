// Max-pool's gradient (NHWC, float32) among the heap kernels. Imported by build-wasm.mjs.
//
// tfjs-wasm's MaxPoolGrad looks for the maximum of every window again for each dx element, ~15 ns per
// element: on a convnet it took longer than all its convolutions. Here one pass over dy: per output
// pixel, the input pixels of its window are listed once; then 4 channels at a time the window's first
// maximum (strict >, in (fh, fw) order, as tfjs' cpu kernel picks it; NaN never wins) is found lane by
// lane, and dy is added to dx at that position (0 elsewhere: adding 0 changes nothing), window by window
// in (oh, ow) order, which is also the order the cpu kernel sums overlapping windows in. Images are
// independent, so ranges of them can run on other threads.
import { add, get, load, locals, loop, mul, set } from './wat-helpers.mjs';

/** The byte offset of list entry $e's input pixel (relative to x and dx), plus channel byte $c. */
const entry = `(i32.add (i32.load (i32.add (local.get $list) (i32.shl (local.get $e) (i32.const 2)))) (local.get $c))`;

/** The argmax-and-add of one output pixel's window for 4 channels (`vec`) or one (scalar), channel byte $c. */
function pixel(vec) {
  const find = vec
    ? `${set('v', `(v128.load ${add(get('x'), entry)})`)}
          ${set('mask', `(f32x4.gt ${get('v')} ${get('max')})`)}
          ${set('max', `(v128.bitselect ${get('v')} ${get('max')} ${get('mask')})`)}
          ${set('idx', `(v128.bitselect (i32x4.splat ${get('e')}) ${get('idx')} ${get('mask')})`)}`
    : `${set('s', `(f32.load ${add(get('x'), entry)})`)}
          (if (f32.gt ${get('s')} ${get('smax')}) (then ${set('smax', get('s'))} ${set('sidx', get('e'))}))`;
  // Windows that tile the input exactly (stride = size, no padding, no remainder) write each dx element
  // once: 0 + the routed value (+0 for -0, as a sum from 0 gives), with no zeroing beforehand.
  const scatter = vec
    ? `${set('at', add(get('dx'), entry))}
          ${set('v', `(v128.and ${get('d')} (i32x4.eq ${get('idx')} (i32x4.splat ${get('e')})))`)}
          (v128.store ${get('at')} (f32x4.add (if (result v128) ${get('tiled')} (then (v128.const i32x4 0 0 0 0)) (else (v128.load ${get('at')}))) ${get('v')}))`
    : `${set('at', add(get('dx'), entry))}
          (if ${get('tiled')} (then (f32.store ${get('at')} (f32.const 0))))
          (if (i32.eq ${get('sidx')} ${get('e')}) (then
            (f32.store ${get('at')} (f32.add (f32.load ${get('at')}) ${get('sd')}))))`;
  return `${vec ? set('max', '(f32x4.splat (f32.const -inf))') : set('smax', '(f32.const -inf)')}
      ${vec ? set('idx', '(i32x4.splat (i32.const -1))') : set('sidx', '(i32.const -1)')}
      ${loop('e', '(i32.const 0)', get('count'), find)}
      ${set(vec ? 'd' : 'sd', `(${vec ? 'v128' : 'f32'}.load ${add(get('dy'), add(get('o'), get('c')))})`)}
      ${loop('e', '(i32.const 0)', get('count'), scatter)}`;
}

/** Lists the input pixels of output pixel ($n, $oh, $ow)'s window that lie inside the input, in (fh, fw) order. */
const LIST_WINDOW = `${set('count', '(i32.const 0)')}
          ${loop(
            'fh',
            '(i32.const 0)',
            get('fH'),
            `${set('ih', `(i32.sub ${add(mul(get('oh'), get('sH')), get('fh'))} ${get('pT')})`)}
            (if (i32.lt_u ${get('ih')} ${get('H')}) (then
              ${loop(
                'fw',
                '(i32.const 0)',
                get('fW'),
                `${set('iw', `(i32.sub ${add(mul(get('ow'), get('sW')), get('fw'))} ${get('pL')})`)}
                (if (i32.lt_u ${get('iw')} ${get('W')}) (then
                  (i32.store ${add(get('list'), '(i32.shl (local.get $count) (i32.const 2))')}
                    ${mul(add(mul(add(mul(get('n'), get('H')), get('ih')), get('W')), get('iw')), get('cBytes'))})
                  ${set('count', add(get('count'), '(i32.const 1)'))}))`,
              )}))`,
          )}`;

export const POOL_WAT = `
  ;; maxPoolGrad(g, x, dy, dx, list, n0, n1): dx of images n0..n1 for a max-pool of x (geometry: H, W, C,
  ;; oH, oW, fH, fW, sH, sW, pT, pL); list: scratch for fH·fW offsets.
  (func (export "maxPoolGrad") (param $g i32) (param $x i32) (param $dy i32) (param $dx i32) (param $list i32)
    (param $n0 i32) (param $n1 i32)
    ${locals('H', 'W', 'C', 'oH', 'oW', 'fH', 'fW', 'sH', 'sW', 'pT', 'pL')}
    ${locals('n', 'oh', 'ow', 'fh', 'fw', 'ih', 'iw', 'at', 'e', 'count', 'c', 'c4', 'cBytes', 'o', 'sidx', 'tiled')}
    (local $v v128) (local $max v128) (local $idx v128) (local $mask v128) (local $d v128)
    (local $s f32) (local $smax f32) (local $sd f32)
    ${load('H', 'W', 'C', 'oH', 'oW', 'fH', 'fW', 'sH', 'sW', 'pT', 'pL')}
    ${set('cBytes', '(i32.shl (local.get $C) (i32.const 2))')}
    ${set('c4', '(i32.shl (i32.and (local.get $C) (i32.const -4)) (i32.const 2))')}
    ${set(
      'tiled',
      `(i32.and (i32.and (i32.and (i32.eq ${get('sH')} ${get('fH')}) (i32.eq ${get('sW')} ${get('fW')}))
        (i32.and (i32.eq ${mul(get('oH'), get('sH'))} ${get('H')}) (i32.eq ${mul(get('oW'), get('sW'))} ${get('W')})))
        (i32.eqz (i32.or ${get('pT')} ${get('pL')})))`,
    )}
    (if (i32.eqz ${get('tiled')}) (then (call $zero ${add(get('dx'), mul(mul(mul(get('n0'), get('H')), get('W')), get('cBytes')))}
      ${mul(mul(mul(`(i32.sub ${get('n1')} ${get('n0')})`, get('H')), get('W')), get('cBytes'))})))
    ${set('o', mul(mul(mul(get('n0'), get('oH')), get('oW')), get('cBytes')))}
    ${loop(
      'n',
      get('n0'),
      get('n1'),
      loop(
        'oh',
        '(i32.const 0)',
        get('oH'),
        loop(
          'ow',
          '(i32.const 0)',
          get('oW'),
          `${LIST_WINDOW}
          ${loop('c', '(i32.const 0)', get('c4'), pixel(true), '(i32.const 16)')}
          ${loop('c', get('c4'), get('cBytes'), pixel(false), '(i32.const 4)')}
          ${set('o', add(get('o'), get('cBytes')))}`,
        ),
      ),
    )})
`;
