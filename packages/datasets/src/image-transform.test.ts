import { describe, expect, it } from 'vitest';
import { rotation, shear, zoom } from './image-transform.js';

describe('rotation, shear and zoom', () => {
  it('give the inverse map: a counter-clockwise turn on screen maps output offsets back by the transpose', () => {
    expect(rotation(90).toSource).toEqual([0, -1, 1, 0]);
    expect(rotation(-90).toSource).toEqual([0, 1, -1, 0]);
    expect(rotation(450).toSource).toEqual(rotation(90).toSource);
    expect(rotation(180).toSource).toEqual([-1, -0, 0, -1]);
    const [a, b, c, d] = rotation(30).toSource;
    expect([a, b, c, d]).toEqual([Math.cos(Math.PI / 6), -Math.sin(Math.PI / 6), Math.sin(Math.PI / 6), a]);
    expect(b).toBeCloseTo(-0.5, 15);
  });

  it('shear by an angle moves rows by tan(angle) per row; zoom divides offsets by the factor', () => {
    expect(shear(45).toSource[1]).toBeCloseTo(-1, 15);
    expect(shear(-45).toSource[1]).toBeCloseTo(1, 15);
    expect(shear(0).toSource).toEqual([1, -0, 0, 1]);
    expect(zoom(4).toSource).toEqual([0.25, 0, 0, 0.25]);
    expect(zoom(0.5).toSource).toEqual([2, 0, 0, 2]);
  });

  it('refuse non-finite angles, shears of 90° or more and non-positive zooms', () => {
    expect(() => rotation(NaN)).toThrow(new RangeError('rotation: degrees must be a finite number, found NaN'));
    expect(() => rotation('20' as unknown as number)).toThrow(TypeError);
    expect(() => shear(Infinity)).toThrow(RangeError);
    expect(() => shear(90)).toThrow(new RangeError('shear: degrees must lie strictly between -90 and 90, found 90'));
    expect(() => shear(-120)).toThrow(RangeError);
    expect(() => zoom(0)).toThrow(new RangeError('zoom: factor must be a positive finite number, found 0'));
    expect(() => zoom(-2)).toThrow(RangeError);
    expect(() => zoom(Infinity)).toThrow(RangeError);
    expect(() => zoom(undefined as unknown as number)).toThrow(
      new TypeError('zoom: factor must be a positive finite number, found undefined'),
    );
  });
});
