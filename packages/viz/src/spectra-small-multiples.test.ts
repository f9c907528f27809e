import { describe, expect, it } from 'vitest';
import { spectraSmallMultiples } from './spectra-small-multiples.js';
import { spectraSeries } from '../test/fixtures.js';
import { checkStandalone } from '../test/check-svg.js';
import { expectGolden } from '../test/golden.js';

describe('spectraSmallMultiples', () => {
  it('matches its golden files (linear and log)', () => {
    expectGolden('spectra-linear', spectraSmallMultiples(spectraSeries(), { title: 'golden' }));
    expectGolden('spectra-log', spectraSmallMultiples(spectraSeries(), { title: 'golden', yScale: 'log' }));
  });

  it('has one panel per class, one line per model in each, and the legend once', () => {
    const svg = spectraSmallMultiples(spectraSeries(), { title: 'Sp' });
    expect(spectraSmallMultiples(spectraSeries(), { title: 'Sp' })).toBe(svg);
    const doc = checkStandalone(svg, 'Sp');
    const panels = doc.querySelectorAll('g.panel');
    expect(panels.length).toBe(2);
    expect(panels[0].querySelectorAll('path[fill="none"]').length).toBe(2);
    expect(doc.querySelectorAll('g.legend').length).toBe(1);
  });

  it('on a log scale breaks the line at zeros and says so', () => {
    const svg = spectraSmallMultiples(spectraSeries(), { title: 'Sp', yScale: 'log' });
    expect(svg).toContain('1 zero value is not drawn on the log scale');
    const doc = checkStandalone(svg, 'Sp');
    const mixupClass1 = doc.querySelectorAll('g.panel')[1].querySelectorAll('path[fill="none"]')[1];
    expect((mixupClass1.getAttribute('d')!.match(/L/g) ?? []).length).toBe(2); // 3 points drawn, the zero dropped
  });

  it('rejects bad input with the field named', () => {
    expect(() => spectraSmallMultiples([])).toThrow(/spectraSmallMultiples: series must not be empty/);
    expect(() => spectraSmallMultiples([{ model: 'm', perClass: [{ label: 0, singularValues: [1, NaN] }] }])).toThrow(
      /series\[0\]\.perClass\[0\]\.singularValues\[1\] must be a finite number, found NaN/,
    );
    expect(() => spectraSmallMultiples([{ model: 'm', perClass: [] }])).toThrow(
      /series\[0\]\.perClass must not be empty/,
    );
    expect(() => spectraSmallMultiples(spectraSeries(), { yScale: 'sqrt' as 'log' })).toThrow(
      /options\.yScale must be 'linear' or 'log'/,
    );
  });

  it('throws a TypeError for a value of the wrong kind and a RangeError for one not allowed', () => {
    expect(() => spectraSmallMultiples([{ model: 3 as never, perClass: [] }])).toThrow(
      new TypeError('spectraSmallMultiples: series[0].model must be a string, found 3'),
    );
    const labelled = (label: unknown) => [{ model: 'm', perClass: [{ label: label as number, singularValues: [1] }] }];
    expect(() => spectraSmallMultiples(labelled(null))).toThrow(
      new TypeError('spectraSmallMultiples: series[0].perClass[0].label must be a non-negative integer, found null'),
    );
    expect(() => spectraSmallMultiples(labelled(1.5))).toThrow(
      new RangeError('spectraSmallMultiples: series[0].perClass[0].label must be a non-negative integer, found 1.5'),
    );
  });
});
