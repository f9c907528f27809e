// The convolution kernels of the heap kernels (NHWC, float32): Conv2D and both of its gradients as
// products on the GEMM of gemm-wat.mjs, through im2col. Imported by build-wasm.mjs.
//
// im2col writes, for output pixel r = (n, oh, ow), the row of the fH·fW·C input values its filter
// sees ((fh, fw, c) order, the filter's own layout; zeros where it reads padding). With that matrix I:
//   forward   y[M, O]  = I[M, K] · W[K, O]                         (M = N·oH·oW, K = fH·fW·C)
//   dX        dI[M, K] = dy[M, O] · Wᵀ, then col2im: each dx pixel gathers the rows of dI that read it
//   dW        dWᵀ[O, K] = dyᵀ · I (or dW[K, O] = Iᵀ · dy for a small K), summed over fixed groups of rows
// Each kernel works through its rows (or images) in sub-chunks whose im2col fits in L2, so memory stays
// bounded whatever the batch, and takes a range of them: the TypeScript side (heap-conv.ts) cuts the
// ranges between threads. Every output element is summed in an order that depends on the shapes only,
// never on the ranges, so results do not depend on the thread count.
import { add, eachInputPixel, geo, get, load, locals, loop, mul, readersOf, set } from './wat-helpers.mjs';

/** im2col(g, x, dst, r0, r1): rows r0..r1 of I at dst (row stride ld floats; columns K..ld zeroed). */
const IM2COL = `
  (func $im2col (param $g i32) (param $x i32) (param $dst i32) (param $r0 i32) (param $r1 i32)
    ${locals('H', 'W', 'C', 'oH', 'oW', 'fH', 'fW', 'sH', 'sW', 'dH', 'dW', 'pT', 'pL', 'K', 'ld')}
    ${locals('r', 'n', 'rem', 'oh', 'ow', 'fh', 'fw', 'ih', 'iw', 'iw0', 'd', 's', 'run', 'cBytes', 'rowX', 'pixels')}
    ${load('H', 'W', 'C', 'oH', 'oW', 'fH', 'fW', 'sH', 'sW', 'dH', 'dW', 'pT', 'pL', 'K', 'ld')}
    ${set('cBytes', '(i32.shl (local.get $C) (i32.const 2))')}
    ${set('run', mul(get('fW'), get('cBytes')))}
    ${set('rowX', mul(get('W'), get('cBytes')))}
    ${set('pixels', mul(get('oH'), get('oW')))}
    ${loop(
      'r',
      get('r0'),
      get('r1'),
      `${set('n', '(i32.div_u (local.get $r) (local.get $pixels))')}
      ${set('rem', `(i32.sub ${get('r')} ${mul(get('n'), get('pixels'))})`)}
      ${set('oh', '(i32.div_u (local.get $rem) (local.get $oW))')}
      ${set('ow', `(i32.sub ${get('rem')} ${mul(get('oh'), get('oW'))})`)}
      ${set('d', add(get('dst'), `(i32.shl ${mul('(i32.sub (local.get $r) (local.get $r0))', get('ld'))} (i32.const 2))`))}
      ${set('iw0', `(i32.sub ${mul(get('ow'), get('sW'))} ${get('pL')})`)}
      ${loop(
        'fh',
        '(i32.const 0)',
        get('fH'),
        `${set('ih', `(i32.sub ${add(mul(get('oh'), get('sH')), mul(get('fh'), get('dH')))} ${get('pT')})`)}
        (if (i32.lt_u ${get('ih')} ${get('H')})
          (then
            ${set('s', add(get('x'), mul(add(mul(get('n'), get('H')), get('ih')), get('rowX'))))}
            (if (i32.and (i32.and (i32.eq ${get('dW')} (i32.const 1)) (i32.ge_s ${get('iw0')} (i32.const 0)))
                  (i32.le_s ${add(get('iw0'), get('fW'))} ${get('W')}))
              (then ;; the filter row lies inside the input row: one contiguous run of fW·C values
                (call $copy ${get('d')} ${add(get('s'), mul(get('iw0'), get('cBytes')))} ${get('run')})
                ${set('d', add(get('d'), get('run')))})
              (else
                ${loop(
                  'fw',
                  '(i32.const 0)',
                  get('fW'),
                  `${set('iw', add(get('iw0'), mul(get('fw'), get('dW'))))}
                  (if (i32.lt_u ${get('iw')} ${get('W')})
                    (then (call $copy ${get('d')} ${add(get('s'), mul(get('iw'), get('cBytes')))} ${get('cBytes')}))
                    (else (call $zero ${get('d')} ${get('cBytes')})))
                  ${set('d', add(get('d'), get('cBytes')))}`,
                )})))
          (else
            (call $zero ${get('d')} ${get('run')})
            ${set('d', add(get('d'), get('run')))}))`,
      )}
      (call $zero ${get('d')} (i32.shl (i32.sub ${get('ld')} ${get('K')}) (i32.const 2)))`,
    )})
`;

/**
 * col2im(g, dI, dx, n0, n1, list): every dx pixel of images n0..n1 as the sum of the dI entries that
 * read it (dI's row 0 is image n0's first output pixel), in (fh, fw) order: a gather, so each pixel is
 * written once and any range of images can run on another thread.
 */
const COL2IM = `
  (func $col2im (param $g i32) (param $dI i32) (param $dx i32) (param $n0 i32) (param $n1 i32) (param $list i32)
    ${locals('H', 'W', 'C', 'oH', 'oW', 'fH', 'fW', 'sH', 'sW', 'dH', 'dW', 'pT', 'pL', 'ld')}
    ${locals('n', 'ih', 'iw', 'fh', 'fw', 't', 'u', 'oh', 'ow', 'rowBase', 'count', 'e', 'c', 'c4', 'd', 'p', 'cBytes')}
    (local $acc v128) (local $sum f32)
    ${load('H', 'W', 'C', 'oH', 'oW', 'fH', 'fW', 'sH', 'sW', 'dH', 'dW', 'pT', 'pL', 'ld')}
    ${set('cBytes', '(i32.shl (local.get $C) (i32.const 2))')}
    ${set('c4', '(i32.and (local.get $C) (i32.const -4))')}
    ${eachInputPixel(
      `${readersOf(
        `(i32.store ${add(get('list'), '(i32.shl (local.get $count) (i32.const 2))')}
              ${add(
                add(get('dI'), `(i32.shl ${mul(add(get('rowBase'), get('ow')), get('ld'))} (i32.const 2))`),
                mul(add(mul(get('fh'), get('fW')), get('fw')), get('cBytes')),
              )})
            ${set('count', add(get('count'), '(i32.const 1)'))}`,
      )}
          ${loop(
            'c',
            '(i32.const 0)',
            get('c4'),
            `${set('acc', '(v128.const i32x4 0 0 0 0)')}
            ${loop(
              'e',
              '(i32.const 0)',
              get('count'),
              `${set('p', add(`(i32.load ${add(get('list'), '(i32.shl (local.get $e) (i32.const 2))')})`, '(i32.shl (local.get $c) (i32.const 2))'))}
              ${set('acc', '(f32x4.add (local.get $acc) (v128.load (local.get $p)))')}`,
            )}
            (v128.store ${add(get('d'), '(i32.shl (local.get $c) (i32.const 2))')} ${get('acc')})`,
            '(i32.const 4)',
          )}
          ${loop(
            'c',
            get('c4'),
            get('C'),
            `${set('sum', '(f32.const 0)')}
            ${loop(
              'e',
              '(i32.const 0)',
              get('count'),
              `${set('p', add(`(i32.load ${add(get('list'), '(i32.shl (local.get $e) (i32.const 2))')})`, '(i32.shl (local.get $c) (i32.const 2))'))}
              ${set('sum', '(f32.add (local.get $sum) (f32.load (local.get $p)))')}`,
            )}
            (f32.store ${add(get('d'), '(i32.shl (local.get $c) (i32.const 2))')} ${get('sum')})`,
          )}`,
    )})
`;

/**
 * The three exported kernels. A GEMM needs rows in multiples of 4: a sub-chunk's last 1-3 rows go
 * through a 4-row scratch (rows beyond a tensor's end are not ours to read or write).
 */
const KERNELS = `
  ;; convForward(g, x, w, bias, biasMode, out, scratch, r0, r1): rows r0..r1 of y = I·W (+ bias, the
  ;; GEMM's biasMode). W and the bias have oLd columns; when that is more than O, every sub-chunk goes
  ;; through the scratch C (chunk × oLd) and its rows are copied out, else only the last 1-3 rows do.
  (func (export "convForward") (param $g i32) (param $x i32) (param $w i32) (param $bias i32) (param $biasMode i32)
    (param $out i32) (param $scratch i32) (param $r0 i32) (param $r1 i32)
    ${locals('O', 'oLd', 'K', 'ld', 'chunk', 'panel', 'tmp', 'r', 'rows', 'main', 'rowBytes', 'yRow', 'cRow', 'i')}
    ${load('O', 'oLd', 'K', 'ld', 'chunk')}
    ${set('panel', add(get('scratch'), geo('offPanel')))}
    ${set('tmp', add(get('scratch'), geo('offTmp')))}
    ${set('rowBytes', '(i32.shl (local.get $ld) (i32.const 2))')}
    ${set('yRow', '(i32.shl (local.get $O) (i32.const 2))')}
    ${set('cRow', '(i32.shl (local.get $oLd) (i32.const 2))')}
    ${set('r', get('r0'))}
    (block $done (loop $chunks
      (br_if $done (i32.ge_s ${get('r')} ${get('r1')}))
      ${set('rows', `(select ${get('chunk')} (i32.sub ${get('r1')} ${get('r')}) (i32.lt_s ${add(get('r'), get('chunk'))} ${get('r1')}))`)}
      (call $im2col ${get('g')} ${get('x')} ${get('scratch')} ${get('r')} ${add(get('r'), get('rows'))})
      ${set('main', `(select (i32.const 0) (i32.and ${get('rows')} (i32.const -4)) (i32.ne ${get('O')} ${get('oLd')}))`)}
      (if ${get('main')} (then
        (call $gemm ${get('scratch')} ${get('rowBytes')} (i32.const 4) ${get('w')} ${get('cRow')} (i32.const 4) ${get('panel')}
          ${add(get('out'), mul(get('r'), get('yRow')))} ${get('yRow')} ${get('bias')} ${get('biasMode')} ${get('main')} ${get('O')} ${get('K')})))
      (if (i32.ne ${get('main')} ${get('rows')}) (then
        ;; the rest of the sub-chunk through the scratch C: I's rows up to a multiple of 4 zeroed first
        (call $zero ${add(get('scratch'), mul(get('rows'), get('rowBytes')))}
          ${mul(`(i32.sub (i32.and ${add(get('rows'), '(i32.const 3)')} (i32.const -4)) ${get('rows')})`, get('rowBytes'))})
        (call $gemm ${add(get('scratch'), mul(get('main'), get('rowBytes')))} ${get('rowBytes')} (i32.const 4) ${get('w')} ${get('cRow')} (i32.const 4)
          ${get('panel')} ${get('tmp')} ${get('cRow')} ${get('bias')} ${get('biasMode')}
          (i32.and ${add(`(i32.sub ${get('rows')} ${get('main')})`, '(i32.const 3)')} (i32.const -4)) ${get('oLd')} ${get('K')})
        ${loop(
          'i',
          get('main'),
          get('rows'),
          `(call $copy ${add(get('out'), mul(add(get('r'), get('i')), get('yRow')))} ${add(get('tmp'), mul(`(i32.sub ${get('i')} ${get('main')})`, get('cRow')))} ${get('yRow')})`,
        )}))
      ${set('r', add(get('r'), get('rows')))}
      (br $chunks))))

  ;; convBackpropInput(g, dy, w, dx, scratch, n0, n1): dx of images n0..n1. w has ld rows of O (the
  ;; filter, zero rows appended when K is not a multiple of 8): read as Wᵀ by the GEMM.
  (func (export "convBackpropInput") (param $g i32) (param $dy i32) (param $w i32) (param $dx i32) (param $scratch i32)
    (param $n0 i32) (param $n1 i32)
    ${locals('O', 'ld', 'chunk', 'oH', 'oW', 'panel', 'tail', 'list', 'img', 'count', 'rows', 'main', 'rowBytes', 'dyRow', 'a')}
    ${load('O', 'ld', 'chunk', 'oH', 'oW')}
    ${set('panel', add(get('scratch'), geo('offPanel')))}
    ${set('tail', add(get('scratch'), geo('offA')))}
    ${set('list', add(get('scratch'), geo('offList')))}
    ${set('rowBytes', '(i32.shl (local.get $ld) (i32.const 2))')}
    ${set('dyRow', '(i32.shl (local.get $O) (i32.const 2))')}
    ${set('img', get('n0'))}
    (block $done (loop $chunks
      (br_if $done (i32.ge_s ${get('img')} ${get('n1')}))
      ${set('count', `(select ${get('chunk')} (i32.sub ${get('n1')} ${get('img')}) (i32.lt_s ${add(get('img'), get('chunk'))} ${get('n1')}))`)}
      ${set('rows', mul(mul(get('count'), get('oH')), get('oW')))}
      ${set('main', '(i32.and (local.get $rows) (i32.const -4))')}
      ${set('a', add(get('dy'), mul(mul(mul(get('img'), get('oH')), get('oW')), get('dyRow'))))}
      (if ${get('main')} (then
        (call $gemm ${get('a')} ${get('dyRow')} (i32.const 4) ${get('w')} (i32.const 4) ${get('dyRow')} ${get('panel')}
          ${get('scratch')} ${get('rowBytes')} (i32.const 0) (i32.const 0) ${get('main')} ${get('ld')} ${get('O')})))
      (if (i32.ne ${get('main')} ${get('rows')}) (then
        (call $copy ${get('tail')} ${add(get('a'), mul(get('main'), get('dyRow')))} ${mul(`(i32.sub ${get('rows')} ${get('main')})`, get('dyRow'))})
        (call $zero ${add(get('tail'), mul(`(i32.sub ${get('rows')} ${get('main')})`, get('dyRow')))} ${mul(`(i32.sub ${add(get('main'), '(i32.const 4)')} ${get('rows')})`, get('dyRow'))})
        (call $gemm ${get('tail')} ${get('dyRow')} (i32.const 4) ${get('w')} (i32.const 4) ${get('dyRow')} ${get('panel')}
          ${add(get('scratch'), mul(get('main'), get('rowBytes')))} ${get('rowBytes')} (i32.const 0) (i32.const 0) (i32.const 4) ${get('ld')} ${get('O')})))
      (call $col2im ${get('g')} ${get('scratch')} ${get('dx')} ${get('img')} ${add(get('img'), get('count'))} ${get('list')})
      ${set('img', add(get('img'), get('count')))}
      (br $chunks))))

  ;; convBackpropFilter(g, x, dy, partials, scratch, g0, g1): for each group of rows g0..g1, the sum
  ;; over its sub-chunks of dyᵀ·I (dWᵀ, aRows × ld) or, with byRows, of Iᵀ·dy (dW, aRows × O: for a
  ;; small K, where padding O·K to the GEMM's tile costs more), into partials (one block per group).
  ;; Groups are fixed by the shapes, whatever the threads; sumRows (memory-wat.mjs) then adds them in order.
  (func (export "convBackpropFilter") (param $g i32) (param $x i32) (param $dy i32) (param $partials i32)
    (param $scratch i32) (param $g0 i32) (param $g1 i32)
    ${locals('O', 'ld', 'chunk', 'groupRows', 'aRows', 'aUsed', 'cols', 'byRows', 'M', 'panel', 'a', 'tmp')}
    ${locals('grp', 'end', 'r', 'rows', 'dst', 'first', 'block', 'dyRows')}
    ${load('O', 'ld', 'chunk', 'groupRows', 'aRows', 'aUsed', 'cols', 'byRows', 'M')}
    ${set('panel', add(get('scratch'), geo('offPanel')))}
    ${set('a', add(get('scratch'), geo('offA')))}
    ${set('tmp', add(get('scratch'), geo('offTmp')))}
    ${set('block', mul(get('aRows'), get('cols')))}
    ;; A's rows beyond the aUsed the transposes write (up to the tile's 4) stay zero
    (call $zero ${add(get('a'), mul(get('aUsed'), `(i32.shl ${get('chunk')} (i32.const 2))`))} (i32.shl ${mul(`(i32.sub ${get('aRows')} ${get('aUsed')})`, get('chunk'))} (i32.const 2)))
    ${loop(
      'grp',
      get('g0'),
      get('g1'),
      `${set('r', mul(get('grp'), get('groupRows')))}
      ${set('end', `(select ${get('M')} ${add(get('r'), get('groupRows'))} (i32.gt_s ${add(get('r'), get('groupRows'))} ${get('M')}))`)}
      ${set('dst', add(get('partials'), `(i32.shl ${mul(get('grp'), get('block'))} (i32.const 2))`))}
      ${set('first', '(i32.const 1)')}
      (block $done (loop $chunks
        (br_if $done (i32.ge_s ${get('r')} ${get('end')}))
        ${set('rows', `(select ${get('chunk')} (i32.sub ${get('end')} ${get('r')}) (i32.lt_s ${add(get('r'), get('chunk'))} ${get('end')}))`)}
        ${set('dyRows', add(get('dy'), `(i32.shl ${mul(get('r'), get('O'))} (i32.const 2))`))}
        (call $im2col ${get('g')} ${get('x')} ${get('scratch')} ${get('r')} ${add(get('r'), get('rows'))})
        ;; A = (I or dy)ᵀ, then the GEMM against the other, read in place
        (call $transpose (select ${get('scratch')} ${get('dyRows')} ${get('byRows')}) ${get('a')} ${get('rows')} ${get('aUsed')} ${get('chunk')})
        (call $gemm ${get('a')} (i32.shl ${get('chunk')} (i32.const 2)) (i32.const 4)
          (select ${get('dyRows')} ${get('scratch')} ${get('byRows')}) (i32.shl (select ${get('O')} ${get('ld')} ${get('byRows')}) (i32.const 2)) (i32.const 4)
          ${get('panel')} (select ${get('dst')} ${get('tmp')} ${get('first')}) (i32.shl ${get('cols')} (i32.const 2)) (i32.const 0) (i32.const 0)
          ${get('aRows')} ${get('cols')} ${get('rows')})
        (if (i32.eqz ${get('first')}) (then (call $addInto ${get('dst')} ${get('tmp')} ${get('block')})))
        ${set('first', '(i32.const 0)')}
        ${set('r', add(get('r'), get('rows')))}
        (br $chunks)))`,
    )})

`;

export const CONV_WAT = `${IM2COL}${COL2IM}${KERNELS}`;
