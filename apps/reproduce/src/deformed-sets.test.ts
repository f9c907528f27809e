import { deformImages, rotation, zoom, type LabeledSet } from '@manifold-mixup/datasets';
import { describe, expect, it } from 'vitest';
import { deformations, deformSet, imageDraw } from './deformed-sets.js';

/** Three 4 x 4 images with different pixels, flat as the experiments hold them. */
const set: LabeledSet = {
  x: Float32Array.from({ length: 3 * 16 }, (_, i) => ((i * 7) % 16) / 16),
  y: Uint8Array.from([0, 1, 2]),
  n: 3,
  shape: [16],
  numClasses: 3,
};

describe('deformed test sets', () => {
  it('draws one deterministic value in [-1, 1) per image index', () => {
    const draws = [0, 1, 2, 3].map(imageDraw);
    expect(draws).toEqual([0, 1, 2, 3].map(imageDraw));
    for (const d of draws) expect(d >= -1 && d < 1).toBe(true);
    expect(new Set(draws).size).toBe(4);
  });

  it('lists rotations, shears and zooms in order, named by their range or factor', () => {
    const list = deformations({ rotationDegrees: [20, 40], shearDegrees: [28.6], zoomFactors: [0.6, 1.4] });
    expect(list.map((d) => d.name)).toEqual(['rotation-20', 'rotation-40', 'shear-28.6', 'zoom-0.6', 'zoom-1.4']);
    expect(list.map((d) => d.uniform)).toEqual([false, false, false, true, true]);
  });

  it('rotates image i by its own draw times the range, as deformImages rotates it alone', () => {
    const [rotate] = deformations({ rotationDegrees: [40], shearDegrees: [], zoomFactors: [] });
    const out = deformSet(set, rotate);
    for (let i = 0; i < set.n; i++) {
      const alone = { ...set, x: set.x.slice(i * 16, (i + 1) * 16), y: set.y.slice(i, i + 1), n: 1 };
      const expected = deformImages(alone, rotation(40 * imageDraw(i))).x;
      expect(Array.from(out.x.subarray(i * 16, (i + 1) * 16))).toEqual(Array.from(expected));
    }
    expect(Array.from(out.y)).toEqual([0, 1, 2]);
    expect(Array.from(set.x.subarray(0, 3))).toEqual([0, 7 / 16, 14 / 16]);
  });

  it('zooms every image by the same factor', () => {
    const [zoomIn] = deformations({ rotationDegrees: [], shearDegrees: [], zoomFactors: [1.4] });
    expect(Array.from(deformSet(set, zoomIn).x)).toEqual(Array.from(deformImages(set, zoom(1.4)).x));
  });
});
