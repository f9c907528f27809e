import { describe, expect, it } from 'vitest';
import { intervalCurves } from './interval-curves.js';
import { intervalSeries } from '../test/fixtures.js';
import { checkStandalone } from '../test/check-svg.js';
import { expectGolden } from '../test/golden.js';

describe('intervalCurves', () => {
  it('matches its golden file', () => {
    expectGolden(
      'interval-curves',
      intervalCurves(intervalSeries(), { title: 'golden', xLabel: 'ε', yLabel: 'test accuracy' }),
    );
  });

  it('draws a line with a marker per x and a band per series, with a legend', () => {
    const svg = intervalCurves(intervalSeries(), { title: 'I', xLabel: 'ε' });
    expect(intervalCurves(intervalSeries(), { title: 'I', xLabel: 'ε' })).toBe(svg);
    const doc = checkStandalone(svg, 'I');
    const lines = doc.querySelectorAll('g.series');
    expect(lines.length).toBe(2);
    expect(lines[0].querySelectorAll('circle').length).toBe(4);
    expect(lines[1].querySelectorAll('rect').length).toBe(4);
    const bands = [...doc.querySelectorAll('g.bands path')];
    expect(bands.length).toBe(2);
    // the second series has no interval at x = 0.05: its band is two pieces
    expect(bands[1].getAttribute('d')!.match(/M/g)!.length).toBe(2);
    expect([...doc.querySelectorAll('g.legend text')].map((t) => t.textContent)).toEqual([
      'baseline',
      'manifold mixup',
    ]);
    const ticks = [...doc.querySelectorAll('g.axis-bottom text')].map((t) => t.textContent);
    expect(ticks).toEqual(['0', '0.05', '0.1', '0.2', 'ε']);
    expect(doc.querySelector('desc')!.textContent).toContain(
      'manifold mixup: at ε 0 0.985 (0.98 to 0.99), at ε 0.05 0.8,',
    );
  });

  it('honours yDomain', () => {
    const doc = checkStandalone(intervalCurves(intervalSeries(), { title: 'I', yDomain: [0, 1] }), 'I');
    const ticks = [...doc.querySelectorAll('g.axis-left text')].map((t) => t.textContent);
    expect(ticks[0]).toBe('0');
    expect(ticks[ticks.length - 1]).toBe('1');
  });

  it('stops bands that leave the y range at the edge of the plot', () => {
    const wide = [{ name: 'a', x: [0, 1], mean: [0.5, 0.4], low: [-3, 0.2], high: [4, 0.6] }];
    const doc = checkStandalone(intervalCurves(wide, { title: 'W', yDomain: [0, 1] }), 'W');
    const ys = (doc.querySelector('g.bands path')?.getAttribute('d') ?? '')
      .match(/-?\d+(\.\d+)?/g)
      ?.map(Number)
      .filter((_, i) => i % 2 === 1) as number[];
    // The y axis line runs from the plot's bottom (y = 1 ... 0 range) to its top.
    const axis = doc.querySelector('g.axis-left g[stroke="#444444"] line');
    const ticks = [Number(axis?.getAttribute('y1')), Number(axis?.getAttribute('y2'))];
    expect(ys.length).toBeGreaterThan(0);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(Math.min(...ticks) - 0.01);
    expect(Math.max(...ys)).toBeLessThanOrEqual(Math.max(...ticks) + 0.01);
  });

  it('rejects bad input with the field named', () => {
    const s = intervalSeries();
    expect(() => intervalCurves([])).toThrow(/intervalCurves: series must not be empty/);
    expect(() => intervalCurves([{ ...s[0], mean: [1, 2] }])).toThrow(
      /series\[0\]\.mean must have length 4, found length 2/,
    );
    expect(() => intervalCurves([{ ...s[0], low: [0.97, 0.65, 0.33, NaN] }])).toThrow(
      /series\[0\]\.low\[3\] must be a finite number, found NaN/,
    );
    expect(() => intervalCurves([{ ...s[0], high: [0.9, 0.75, 0.47, 0.15] }])).toThrow(
      /series\[0\]\.high\[0\] must be >= mean\[0\] \(0\.98\), found 0\.9/,
    );
    expect(() => intervalCurves(s, { yDomain: [1, 0] })).toThrow(/options\.yDomain\[1\] must exceed yDomain\[0\]/);
    expect(() => intervalCurves(s, { height: NaN })).toThrow(/intervalCurves: options\.height must be a positive/);
  });

  it('throws a TypeError for a value of the wrong kind and a RangeError for one not allowed', () => {
    const s = intervalSeries();
    expect(() => intervalCurves([{ ...s[0], name: 1 as never }])).toThrow(
      new TypeError('intervalCurves: series[0].name must be a string, found 1'),
    );
    expect(() => intervalCurves(s, { yDomain: '0,1' as never })).toThrow(
      new TypeError('intervalCurves: options.yDomain must be [min, max], found string'),
    );
    expect(() => intervalCurves(s, { yDomain: [0, 1, 2] as never })).toThrow(
      new RangeError('intervalCurves: options.yDomain must be [min, max], found an array of length 3'),
    );
  });
});
