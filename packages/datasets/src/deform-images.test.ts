import { describe, expect, it } from 'vitest';
import type { LabeledSet } from '@manifold-mixup/types';
import { mulberry32 } from '@manifold-mixup/random';
import { deformImages } from './deform-images.js';
import { rotation, shear, zoom, type ImageTransform } from './image-transform.js';

/** A set of square images, given row by row (one array of rows per image). */
function imageSet(images: number[][][], labels = images.map((_, i) => i % 10)): LabeledSet {
  const side = images[0].length;
  return {
    x: Float32Array.from(images.flat(2)),
    y: Uint8Array.from(labels),
    n: images.length,
    shape: [side, side],
    numClasses: 10,
  };
}

/** A 28 x 28 image, 0 but where `lit(row, col)` gives a value. */
function mnistImage(lit: (row: number, col: number) => number): number[][] {
  return Array.from({ length: 28 }, (_, row) => Array.from({ length: 28 }, (_, col) => lit(row, col)));
}

/** The rows of image `i` of a set. */
function rows(set: LabeledSet, i = 0): number[][] {
  const side = set.shape[0];
  const image = Array.from(set.x.subarray(i * side * side, (i + 1) * side * side));
  return Array.from({ length: side }, (_, row) => image.slice(row * side, (row + 1) * side));
}

const pixel = (r: number, c: number) => (row: number, col: number) => (row === r && col === c ? 1 : 0);

describe('deformImages', () => {
  it('rotates a bright pixel by quarter turns onto the pixel expected, counter-clockwise as shown', () => {
    const set = imageSet([mnistImage(pixel(13, 27))]); // just right of the centre (13.5, 13.5)
    expect(rows(deformImages(set, rotation(90)))).toEqual(mnistImage(pixel(0, 13))); // to the top
    expect(rows(deformImages(set, rotation(-90)))).toEqual(mnistImage(pixel(27, 14))); // to the bottom
    expect(rows(deformImages(set, rotation(180)))).toEqual(mnistImage(pixel(14, 0))); // to the left
  });

  it('turns a horizontal bar into a vertical one', () => {
    const bar = imageSet([mnistImage((row, col) => (row === 5 && col >= 4 && col <= 23 ? 0.5 : 0))]);
    const turned = deformImages(bar, rotation(90));
    // (row, col) -> (27 - col, row): the bar's left end goes to the bottom.
    expect(rows(turned)).toEqual(mnistImage((row, col) => (col === 5 && row >= 4 && row <= 23 ? 0.5 : 0)));
  });

  it('is exactly the identity for rotation 0 (and 360), shear 0 and zoom 1, and returns new arrays', () => {
    const random = mulberry32(3);
    const set: LabeledSet = {
      x: Float32Array.from({ length: 3 * 784 }, () => random()),
      y: Uint8Array.of(4, 0, 9),
      n: 3,
      shape: [28, 28],
      numClasses: 10,
    };
    for (const transform of [rotation(0), rotation(360), rotation(-720), shear(0), zoom(1)]) {
      const same = deformImages(set, transform);
      expect(same.x).toEqual(set.x);
      expect(same.y).toEqual(set.y);
      expect([same.n, same.shape, same.numClasses]).toEqual([3, [28, 28], 10]);
      expect(same.x).not.toBe(set.x);
      expect(same.y).not.toBe(set.y);
      expect(same.shape).not.toBe(set.shape);
    }
  });

  it('samples bilinearly: a 4 x 4 pixel zoomed 2x, a line sheared by slope 1/2, a 2x zoom-out', () => {
    const dot = imageSet([
      [
        [0, 0, 0, 0],
        [0, 1, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ],
    ]);
    // Output column c samples input column 1.5 + (c - 1.5) / 2 = 0.75, 1.25, 1.75, 2.25: weights on
    // column 1 of 0.75, 0.75, 0.25, 0, and the same down the rows.
    const weights = [0.75, 0.75, 0.25, 0];
    expect(rows(deformImages(dot, zoom(2)))).toEqual(weights.map((wr) => weights.map((wc) => wr * wc)));

    const line = imageSet([
      [
        [0, 1, 0, 0],
        [0, 1, 0, 0],
        [0, 1, 0, 0],
        [0, 1, 0, 0],
      ],
    ]);
    // Row r samples column c + (1.5 - r) / 2: 0.75 to the right in row 0, ... 0.75 to the left in row 3.
    const sheared = rows(deformImages(line, shear((Math.atan(0.5) * 180) / Math.PI)));
    const expected = [
      [0.75, 0.25, 0, 0],
      [0.25, 0.75, 0, 0],
      [0, 0.75, 0.25, 0],
      [0, 0.25, 0.75, 0],
    ];
    sheared.forEach((row, r) => row.forEach((v, c) => expect(v).toBeCloseTo(expected[r][c], 6)));

    const ramp = imageSet([
      [
        [1, 2, 3, 4],
        [5, 6, 7, 8],
        [9, 10, 11, 12],
        [13, 14, 15, 16],
      ].map((row) => row.map((v) => v / 16)),
    ]);
    // Zooming out by 2 samples at -1.5, 0.5, 2.5, 4.5: the centre 2 x 2 averages each quadrant, the
    // border falls outside the image onto the zero background.
    expect(rows(deformImages(ramp, zoom(0.5)))).toEqual([
      [0, 0, 0, 0],
      [0, (1 + 2 + 5 + 6) / 64, (3 + 4 + 7 + 8) / 64, 0],
      [0, (9 + 10 + 13 + 14) / 64, (11 + 12 + 15 + 16) / 64, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('takes any invertible matrix, e.g. a vertical flip', () => {
    const ramp = imageSet([[0, 1, 2, 3].map((row) => [row, row, row, row].map((v, col) => (v * 4 + col) / 16))]);
    const flipped = rows(deformImages(ramp, { toSource: [1, 0, 0, -1] }));
    expect(flipped).toEqual(rows(ramp).reverse());
  });

  it('rotating by +20° then -20° (or shearing back) restores the interior of a smooth image', () => {
    const blob = (row: number, col: number) => Math.exp(-((row - 12) ** 2 + (col - 15) ** 2) / (2 * 4 ** 2));
    const set = imageSet([mnistImage(blob)]);
    const interior = (row: number, col: number) => (row - 13.5) ** 2 + (col - 13.5) ** 2 < 9 ** 2;
    for (const [forth, back] of [
      [rotation(20), rotation(-20)],
      [rotation(-40), rotation(40)],
      [shear(30), shear(-30)],
    ]) {
      const once = deformImages(set, forth);
      const restored = deformImages(once, back);
      const worst = (image: LabeledSet): number => {
        const got = rows(image);
        let largest = 0;
        for (let row = 0; row < 28; row++) {
          for (let col = 0; col < 28; col++) {
            if (interior(row, col)) largest = Math.max(largest, Math.abs(got[row][col] - blob(row, col)));
          }
        }
        return largest;
      };
      expect(worst(once)).toBeGreaterThan(0.1); // it did move
      // Each bilinear pass smooths a little (about 0.015 of the peak here): approximately back, not exactly.
      expect(worst(restored)).toBeLessThan(Math.min(0.035, worst(once) / 3));
      expect(worst(restored)).toBeGreaterThan(0);
    }
  });

  it('leaves labels and the input alone, gives the same result every time, and takes a flat [784] shape', () => {
    const set = imageSet([mnistImage(pixel(3, 20)), mnistImage((row) => row / 27)], [7, 2]);
    const before = set.x.slice();
    const a = deformImages(set, rotation(33));
    const b = deformImages(set, rotation(33));
    expect(a.x).toEqual(b.x);
    expect(Array.from(a.y)).toEqual([7, 2]);
    expect(set.x).toEqual(before);
    const flat = deformImages({ ...set, shape: [784] }, rotation(33));
    expect(flat.x).toEqual(a.x);
    expect(flat.shape).toEqual([784]);
  });

  it('refuses sets that are not square images and transforms that are not invertible matrices', () => {
    const spirals: LabeledSet = { x: new Float32Array(4), y: new Uint8Array(2), n: 2, shape: [2], numClasses: 2 };
    expect(() => deformImages(spirals, rotation(20))).toThrow(
      new RangeError('deformImages: set.shape must describe square images (side² features), found [2]'),
    );
    const wide: LabeledSet = { x: new Float32Array(784), y: new Uint8Array(1), n: 1, shape: [14, 56], numClasses: 10 };
    expect(() => deformImages(wide, rotation(20))).toThrow(RangeError);
    const short: LabeledSet = { x: new Float32Array(700), y: new Uint8Array(1), n: 1, shape: [28, 28], numClasses: 10 };
    expect(() => deformImages(short, rotation(20))).toThrow(
      new RangeError('deformImages: set.x must hold n * 784 = 784 values for n 1 images of shape [28, 28], found 700'),
    );
    const set = imageSet([mnistImage(pixel(0, 0))]);
    const bad = (transform: unknown) => () => deformImages(set, transform as ImageTransform);
    expect(bad(null)).toThrow(
      new TypeError('deformImages: transform must be an ImageTransform (rotation, shear or zoom), found null'),
    );
    expect(bad({ toSource: 'identity' })).toThrow(TypeError);
    expect(bad({ toSource: [1, 0, 1] })).toThrow(
      new RangeError('deformImages: transform.toSource must be an array of 4 numbers, found an array of length 3'),
    );
    expect(bad({ toSource: [1, NaN, 0, 1] })).toThrow(
      new RangeError('deformImages: transform.toSource[1] must be a finite number, found NaN'),
    );
    expect(bad({ toSource: [1, 2, 2, 4] })).toThrow(
      new RangeError('deformImages: transform.toSource must be invertible (non-zero determinant), found [1, 2, 2, 4]'),
    );
  });
});
