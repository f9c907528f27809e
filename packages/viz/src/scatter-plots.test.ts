import { describe, expect, it } from 'vitest';
import { scatterPlots } from './scatter-plots.js';
import { scatterPanels } from '../test/fixtures.js';
import { checkStandalone } from '../test/check-svg.js';
import { expectGolden } from '../test/golden.js';

const firstXTick = (doc: Document, panel: number) =>
  doc.querySelectorAll('g.panel')[panel].querySelector('g.axis-bottom text')!.textContent;

describe('scatterPlots', () => {
  it('matches its golden file', () => {
    expectGolden(
      'scatter-plots',
      scatterPlots(scatterPanels(), { title: 'golden', classNames: ['zero', 'one', 'two'] }),
    );
  });

  it('is standalone, deterministic, names the classes and draws every point', () => {
    const svg = scatterPlots(scatterPanels(), { title: 'S', classNames: ['zero', 'one', 'two'] });
    expect(scatterPlots(scatterPanels(), { title: 'S', classNames: ['zero', 'one', 'two'] })).toBe(svg);
    const doc = checkStandalone(svg, 'S');
    const legend = [...doc.querySelectorAll('g.legend text')].map((t) => t.textContent);
    expect(legend).toEqual(['Class', 'zero', 'one', 'two']);
    expect(doc.querySelectorAll('g.points circle').length).toBe(12);
  });

  it('says whether axes are shared and fits each panel separately by default', () => {
    const own = scatterPlots(scatterPanels(), { title: 'S' });
    expect(own).toContain('Axes are NOT shared');
    const ownDoc = checkStandalone(own, 'S');
    expect(firstXTick(ownDoc, 0)).not.toBe(firstXTick(ownDoc, 1));
    const shared = scatterPlots(scatterPanels(), { title: 'S', sharedAxes: true });
    expect(shared).toContain('Axes are shared');
    const sharedDoc = checkStandalone(shared, 'S');
    expect(firstXTick(sharedDoc, 0)).toBe(firstXTick(sharedDoc, 1));
  });

  it('rejects bad input with the field named', () => {
    const p = scatterPanels();
    expect(() => scatterPlots([{ ...p[0], codes: new Float32Array(5) }])).toThrow(
      /scatterPlots: panels\[0\]\.codes must have length 12, found length 5/,
    );
    expect(() => scatterPlots([{ title: 'e', codes: new Float32Array(0), labels: [] }])).toThrow(
      /panels\[0\]\.labels must not be empty/,
    );
    expect(() => scatterPlots([{ ...p[0], codes: new Float32Array([0, NaN, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]) }])).toThrow(
      /codes\[1\] must be a finite number, found NaN/,
    );
    expect(() => scatterPlots([{ ...p[0], labels: [0, 1, 2, 0, 1, -1] }])).toThrow(
      /labels\[5\] must be a non-negative integer/,
    );
  });

  it('throws a TypeError for a value of the wrong kind and a RangeError for one not allowed', () => {
    const p = scatterPanels();
    expect(() => scatterPlots([p[0], 'panel' as never])).toThrow(
      new TypeError('scatterPlots: panels[1] must be an object, found string'),
    );
    expect(() => scatterPlots([{ ...p[0], labels: [0, 1, 2, 0, 1, -1] }])).toThrow(
      new RangeError('scatterPlots: panels[0].labels[5] must be a non-negative integer, found -1'),
    );
  });
});
