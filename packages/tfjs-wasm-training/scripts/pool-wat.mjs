// Max-pool's gradient (NHWC, float32) among the heap kernels. Imported by build-wasm.mjs.
//
// tfjs-wasm's MaxPoolGrad looks for the maximum of every window again for each dx element, ~15 ns per
// element: on a convnet it took longer than all its convolutions. Here one pass over dy: per output
// pixel and 4 channels at a time, the window's first maximum (strict >, in (fh, fw) order, as tfjs'
// cpu kernel picks it; NaN never wins) is found lane by lane, and dy is added to dx at that position
// (0 elsewhere: adding 0 changes nothing), window by window in (oh, ow) order, which is also the order
// the cpu kernel sums overlapping windows in. Images are independent, so ranges of them can run on
// other threads.
import { add, get, load, locals, loop, mul, set } from './wat-helpers.mjs';

/**
 * The window loops of one output pixel for channels at byte `c`: `body(lanes)` for every position
 * inside the input, with $at (the byte offset of that input pixel's channel c, relative to x or dx)
 * and $p (the position's index, fh·fW + fw) set.
 */
function windowLoop(body) {
  return loop(
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
          ${set('at', add(mul(add(mul(add(mul(get('n'), get('H')), get('ih')), get('W')), get('iw')), get('cBytes')), get('c')))}
          ${set('p', add(mul(get('fh'), get('fW')), get('fw')))}
          ${body}))`,
      )}))`,
  );
}

/** The argmax-and-add of one output pixel for 4 channels (`vec`) or one (scalar), channel byte $c. */
function pixel(vec) {
  const [T, V] = vec ? ['f32x4', 'v128'] : ['f32', 'f32'];

  const find = vec
    ? `${set('v', `(v128.load ${add(get('x'), get('at'))})`)}
          ${set('mask', `(f32x4.gt ${get('v')} ${get('max')})`)}
          ${set('max', `(v128.bitselect ${get('v')} ${get('max')} ${get('mask')})`)}
          ${set('idx', `(v128.bitselect (i32x4.splat ${get('p')}) ${get('idx')} ${get('mask')})`)}`
    : `${set('s', `(f32.load ${add(get('x'), get('at'))})`)}
          (if (f32.gt ${get('s')} ${get('smax')}) (then ${set('smax', get('s'))} ${set('sidx', get('p'))}))`;
  const scatter = vec
    ? `(v128.store ${add(get('dx'), get('at'))} (f32x4.add (v128.load ${add(get('dx'), get('at'))})
            (v128.and ${get('d')} (i32x4.eq ${get('idx')} (i32x4.splat ${get('p')})))))`
    : `(if (i32.eq ${get('sidx')} ${get('p')}) (then
            (f32.store ${add(get('dx'), get('at'))} (f32.add (f32.load ${add(get('dx'), get('at'))}) ${get('sd')}))))`;
  return `${vec ? set('max', `(${T}.splat (f32.const -inf))`) : set('smax', '(f32.const -inf)')}
      ${vec ? set('idx', '(i32x4.splat (i32.const -1))') : set('sidx', '(i32.const -1)')}
      ${windowLoop(find)}
      ${set(vec ? 'd' : 'sd', `(${V}.load ${add(get('dy'), add(get('o'), get('c')))})`)}
      ${windowLoop(scatter)}`;
}

export const POOL_WAT = `
  ;; maxPoolGrad(g, x, dy, dx, n0, n1): dx of images n0..n1 for a max-pool of x (geometry: H, W, C,
  ;; oH, oW, fH, fW, sH, sW, pT, pL).
  (func (export "maxPoolGrad") (param $g i32) (param $x i32) (param $dy i32) (param $dx i32) (param $n0 i32) (param $n1 i32)
    ${locals('H', 'W', 'C', 'oH', 'oW', 'fH', 'fW', 'sH', 'sW', 'pT', 'pL')}
    ${locals('n', 'oh', 'ow', 'fh', 'fw', 'ih', 'iw', 'at', 'p', 'c', 'c4', 'cBytes', 'o', 'sidx')}
    (local $v v128) (local $max v128) (local $idx v128) (local $mask v128) (local $d v128)
    (local $s f32) (local $smax f32) (local $sd f32)
    ${load('H', 'W', 'C', 'oH', 'oW', 'fH', 'fW', 'sH', 'sW', 'pT', 'pL')}
    ${set('cBytes', '(i32.shl (local.get $C) (i32.const 2))')}
    ${set('c4', '(i32.shl (i32.and (local.get $C) (i32.const -4)) (i32.const 2))')}
    (call $zero ${add(get('dx'), mul(mul(mul(get('n0'), get('H')), get('W')), get('cBytes')))}
      ${mul(mul(mul(`(i32.sub ${get('n1')} ${get('n0')})`, get('H')), get('W')), get('cBytes'))})
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
          `${loop('c', '(i32.const 0)', get('c4'), pixel(true), '(i32.const 16)')}
          ${loop('c', get('c4'), get('cBytes'), pixel(false), '(i32.const 4)')}
          ${set('o', add(get('o'), get('cBytes')))}`,
        ),
      ),
    )})
`;
