import { describe, expect, it } from 'vitest';
import { textWidth, fitText, wrapText } from './text-width.js';
import { round, num, compact } from './format.js';
import { simplifyPolyline, ringPath } from './simplify.js';

describe('building blocks', () => {
  it('measures DejaVu Sans text from the width table', () => {
    expect(textWidth('M', 10)).toBeCloseTo(8.628, 3);
    expect(textWidth('ii', 10)).toBeCloseTo(5.556, 3);
    expect(textWidth('M', 10, true)).toBeGreaterThan(textWidth('M', 10));
    expect(textWidth('abc', 20)).toBeCloseTo(2 * textWidth('abc', 10), 9);
    expect(textWidth(fitText('a long label that does not fit', 10, 60), 10)).toBeLessThanOrEqual(60);
  });

  it('rounds deterministically without negative zero', () => {
    expect(round(1.23456)).toBe(1.23);
    expect(num(-0.001)).toBe('0');
    expect(compact(12345)).toBe('12.3k');
    expect(compact(0.0712)).toBe('0.0712');
  });

  it('simplifies polylines within tolerance and writes relative paths without drift', () => {
    const line: Array<[number, number]> = Array.from({ length: 11 }, (_, i) => [i, i === 5 ? 0.1 : 0]);
    expect(simplifyPolyline(line, 0.25)).toEqual([
      [0, 0],
      [10, 0],
    ]);
    expect(simplifyPolyline(line, 0.09).length).toBe(3);
    const d = ringPath([
      [0.04, 0.04],
      [1.26, 0],
      [1.26, 1.26],
      [0.04, 0.04],
    ]);
    expect(d).toBe('M0,0l1.3,0l0,1.3l-1.3-1.3z');
  });

  it('wraps text', () => {
    expect(wrapText('one two three four', 12, textWidth('three four', 12) + 1)).toEqual(['one two', 'three four']);
  });
});
