// The two gradients of a depthwise convolution (NHWC, float32, filter [fH, fW, C, mult], output channel
// c·mult + q), which tfjs-backend-wasm 4.22 does not have. Imported by build-wasm.mjs.
//
// No GEMM here: each output channel reads one input channel. dW sums x·dy over the output pixels, in
// fixed groups of rows as conv2d's dW (a partial sum per group, added in order by sumRows); dX is a
// gather as col2im (conv-wat.mjs): each dx pixel adds, over the output pixels that read it (readersOf)
// in (fh, fw) order, dy times the filter. With mult = 1 both run 4 channels at a time; the order of
// every sum depends on the shapes only, so the threads (ranges of groups or images) change no bit.
import { add, eachInputPixel, get, load, locals, loop, mul, readersOf, set } from './wat-helpers.mjs';

/** `vec` (channels 4 at a time, $j a byte offset) when mult = 1, else one float at a time. */
const byChannel = (count, vec, scalar) =>
  `(if (i32.eq ${get('mult')} (i32.const 1))
      (then ${loop('j', '(i32.const 0)', `(i32.and ${count} (i32.const -16))`, vec, '(i32.const 16)')}
        ${loop('j', `(i32.and ${count} (i32.const -16))`, count, scalar, '(i32.const 4)')})
      (else ${loop('j', '(i32.const 0)', count, scalar, '(i32.const 4)')}))`;

/** The address of list entry $e: two i32, a dy row's and a filter row's addresses. */
const ENTRY = add(get('list'), '(i32.shl (local.get $e) (i32.const 3))');

export const DEPTHWISE_WAT = `
  ;; depthwiseBackpropFilter(g, x, dy, partials, g0, g1): for each group of rows (output pixels) g0..g1,
  ;; its partial dW (fH·fW·C·mult floats, the filter's layout) = Σ over its rows, in order, of x·dy.
  (func (export "depthwiseBackpropFilter") (param $g i32) (param $x i32) (param $dy i32) (param $partials i32)
    (param $g0 i32) (param $g1 i32)
    ${locals('H', 'W', 'C', 'oH', 'oW', 'O', 'fH', 'fW', 'sH', 'sW', 'dH', 'dW', 'pT', 'pL', 'M', 'groupRows', 'mult')}
    ${locals('grp', 'r', 'end', 'n', 'rem', 'oh', 'ow', 'fh', 'fw', 'ih', 'iw', 'acc', 'a', 'px', 'dyRow', 'j', 'c', 'q')}
    ${locals('block', 'cBytes', 'oBytes', 'pixels')}
    (local $xs f32)
    ${load('H', 'W', 'C', 'oH', 'oW', 'O', 'fH', 'fW', 'sH', 'sW', 'dH', 'dW', 'pT', 'pL', 'M', 'groupRows', 'mult')}
    ${set('cBytes', '(i32.shl (local.get $C) (i32.const 2))')}
    ${set('oBytes', '(i32.shl (local.get $O) (i32.const 2))')}
    ${set('block', mul(mul(get('fH'), get('fW')), get('oBytes')))}
    ${set('pixels', mul(get('oH'), get('oW')))}
    ${loop(
      'grp',
      get('g0'),
      get('g1'),
      `${set('acc', add(get('partials'), mul(get('grp'), get('block'))))}
      (call $zero ${get('acc')} ${get('block')})
      ${set('r', mul(get('grp'), get('groupRows')))}
      ${set('end', `(select ${get('M')} ${add(get('r'), get('groupRows'))} (i32.gt_s ${add(get('r'), get('groupRows'))} ${get('M')}))`)}
      (block $rowsDone (loop $rows
        (br_if $rowsDone (i32.ge_s ${get('r')} ${get('end')}))
        ${set('n', '(i32.div_u (local.get $r) (local.get $pixels))')}
        ${set('rem', `(i32.sub ${get('r')} ${mul(get('n'), get('pixels'))})`)}
        ${set('oh', '(i32.div_u (local.get $rem) (local.get $oW))')}
        ${set('ow', `(i32.sub ${get('rem')} ${mul(get('oh'), get('oW'))})`)}
        ${set('dyRow', add(get('dy'), mul(get('r'), get('oBytes'))))}
        ${loop(
          'fh',
          '(i32.const 0)',
          get('fH'),
          `${set('ih', `(i32.sub ${add(mul(get('oh'), get('sH')), mul(get('fh'), get('dH')))} ${get('pT')})`)}
          (if (i32.lt_u ${get('ih')} ${get('H')}) (then
            ${loop(
              'fw',
              '(i32.const 0)',
              get('fW'),
              `${set('iw', `(i32.sub ${add(mul(get('ow'), get('sW')), mul(get('fw'), get('dW')))} ${get('pL')})`)}
              (if (i32.lt_u ${get('iw')} ${get('W')}) (then
                ${set('px', add(get('x'), mul(add(mul(add(mul(get('n'), get('H')), get('ih')), get('W')), get('iw')), get('cBytes'))))}
                ${set('a', add(get('acc'), mul(add(mul(get('fh'), get('fW')), get('fw')), get('oBytes'))))}
                ${byChannel(
                  get('oBytes'),
                  `(v128.store ${add(get('a'), get('j'))} (f32x4.add (v128.load ${add(get('a'), get('j'))})
                    (f32x4.mul (v128.load ${add(get('px'), get('j'))}) (v128.load ${add(get('dyRow'), get('j'))}))))`,
                  // output channel j/4 = c·mult + q reads input channel c
                  `${set('c', '(i32.div_u (i32.shr_u (local.get $j) (i32.const 2)) (local.get $mult))')}
                  (f32.store ${add(get('a'), get('j'))} (f32.add (f32.load ${add(get('a'), get('j'))})
                    (f32.mul (f32.load ${add(get('px'), '(i32.shl (local.get $c) (i32.const 2))')}) (f32.load ${add(get('dyRow'), get('j'))}))))`,
                )}))`,
            )}))`,
        )}
        ${set('r', add(get('r'), '(i32.const 1)'))}
        (br $rows)))`,
    )})

  ;; depthwiseBackpropInput(g, dy, w, dx, list, n0, n1): dx of images n0..n1; list: scratch for
  ;; 2·fH·fW addresses (a dy row, a filter row).
  (func (export "depthwiseBackpropInput") (param $g i32) (param $dy i32) (param $w i32) (param $dx i32) (param $list i32)
    (param $n0 i32) (param $n1 i32)
    ${locals('H', 'W', 'C', 'oH', 'oW', 'O', 'fH', 'fW', 'sH', 'sW', 'dH', 'dW', 'pT', 'pL', 'mult')}
    ${locals('n', 'ih', 'iw', 'fh', 'fw', 't', 'u', 'oh', 'ow', 'rowBase', 'count', 'e', 'j', 'c', 'd', 'entry')}
    ${locals('cBytes', 'oBytes')}
    (local $acc v128) (local $sum f32)
    ${load('H', 'W', 'C', 'oH', 'oW', 'O', 'fH', 'fW', 'sH', 'sW', 'dH', 'dW', 'pT', 'pL', 'mult')}
    ${set('cBytes', '(i32.shl (local.get $C) (i32.const 2))')}
    ${set('oBytes', '(i32.shl (local.get $O) (i32.const 2))')}
    ${eachInputPixel(
      `${readersOf(
        `${set('entry', add(get('list'), '(i32.shl (local.get $count) (i32.const 3))'))}
            (i32.store ${get('entry')} ${add(get('dy'), mul(add(mul(add(mul(get('n'), get('oH')), get('oh')), get('oW')), get('ow')), get('oBytes')))})
            (i32.store offset=4 ${get('entry')} ${add(get('w'), mul(add(mul(get('fh'), get('fW')), get('fw')), get('oBytes')))})
            ${set('count', add(get('count'), '(i32.const 1)'))}`,
      )}
          ;; mult = 1: dx channel c = Σ_e dy[e][c]·w[e][c], 4 channels at a time
          (if (i32.eq ${get('mult')} (i32.const 1)) (then
            ${loop(
              'j',
              '(i32.const 0)',
              '(i32.and (local.get $cBytes) (i32.const -16))',
              `${set('acc', '(v128.const i32x4 0 0 0 0)')}
              ${loop(
                'e',
                '(i32.const 0)',
                get('count'),
                `${set('entry', ENTRY)}
                ${set(
                  'acc',
                  `(f32x4.add ${get('acc')} (f32x4.mul (v128.load ${add('(i32.load (local.get $entry))', get('j'))}) (v128.load ${add('(i32.load offset=4 (local.get $entry))', get('j'))})))`,
                )}`,
              )}
              (v128.store ${add(get('d'), get('j'))} ${get('acc')})`,
              '(i32.const 16)',
            )}))
          ;; the rest (every channel when mult > 1): Σ_e Σ_q dy[e][c·mult + q]·w[e][c·mult + q]
          ${loop(
            'c',
            `(select (i32.const 0) (i32.shr_u (i32.and (local.get $cBytes) (i32.const -16)) (i32.const 2)) (i32.ne ${get('mult')} (i32.const 1)))`,
            get('C'),
            `${set('sum', '(f32.const 0)')}
            ${loop(
              'e',
              '(i32.const 0)',
              get('count'),
              `${set('entry', ENTRY)}
              ${loop(
                'j',
                mul(mul(get('c'), get('mult')), '(i32.const 4)'),
                mul(mul(add(get('c'), '(i32.const 1)'), get('mult')), '(i32.const 4)'),
                set(
                  'sum',
                  `(f32.add ${get('sum')} (f32.mul (f32.load ${add('(i32.load (local.get $entry))', get('j'))}) (f32.load ${add('(i32.load offset=4 (local.get $entry))', get('j'))})))`,
                ),
                '(i32.const 4)',
              )}`,
            )}
            (f32.store ${add(get('d'), '(i32.shl (local.get $c) (i32.const 2))')} ${get('sum')})`,
          )}`,
    )})
`;
