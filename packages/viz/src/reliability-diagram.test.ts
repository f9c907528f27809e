import { describe, expect, it } from 'vitest';
import { reliabilityDiagram } from './reliability-diagram.js';
import { reliabilityModels } from '../test/fixtures.js';
import { checkStandalone } from '../test/check-svg.js';
import { expectGolden } from '../test/golden.js';

describe('reliabilityDiagram', () => {
  it('matches its golden file', () => {
    expectGolden('reliability-diagram', reliabilityDiagram(reliabilityModels(), { title: 'golden' }));
  });

  it('draws a diagonal and bars per non-empty bin in each panel, with ECE in the heading', () => {
    const svg = reliabilityDiagram(reliabilityModels(), { title: 'R' });
    expect(reliabilityDiagram(reliabilityModels(), { title: 'R' })).toBe(svg);
    const doc = checkStandalone(svg, 'R');
    const panels = doc.querySelectorAll('g.panel');
    expect(panels.length).toBe(2);
    expect(panels[0].querySelector('text')!.textContent).toBe('baseline (ECE 10.0%)');
    expect(panels[1].querySelector('text')!.textContent).toBe('mixup');
    expect(panels[0].querySelectorAll('line[stroke-dasharray]').length).toBe(1);
    // 3 non-empty bins: 3 accuracy bars + 3 gaps + 3 count bars
    expect(panels[0].querySelectorAll('g > rect:not([fill="none"])').length).toBe(9);
  });

  it('draws the gap of an underconfident bin opaque, capped by a line at the accuracy', () => {
    const doc = checkStandalone(reliabilityDiagram(reliabilityModels(), { title: 'R' }), 'R');
    const [over, under] = [...doc.querySelectorAll('g.panel')];
    const gapGroups = doc.querySelectorAll('g[stroke="#D55E00"]');
    expect(gapGroups.length).toBe(2);
    for (const group of gapGroups) {
      expect(group.getAttribute('fill')).toBe('#F0C7A6');
      expect(group.hasAttribute('fill-opacity')).toBe(false);
    }
    expect(over.querySelectorAll('g[stroke="#0072B2"] line').length).toBe(0);
    const caps = [...under.querySelectorAll('g[stroke="#0072B2"] line')];
    expect(caps.length).toBe(3);
    const bars = [...under.querySelectorAll('rect[fill="#0072B2"]')];
    expect(caps.map((c) => c.getAttribute('y1'))).toEqual(bars.map((b) => b.getAttribute('y')));
  });

  it('accepts NaN in empty bins but rejects it in non-empty ones', () => {
    const m = reliabilityModels();
    m[0].bins[0] = { ...m[0].bins[0], confidence: NaN, accuracy: NaN };
    expect(() => reliabilityDiagram(m)).not.toThrow();
    m[0].bins[2] = { ...m[0].bins[2], accuracy: NaN };
    expect(() => reliabilityDiagram(m)).toThrow(
      /reliabilityDiagram: models\[0\]\.bins\[2\]\.accuracy must be a finite number, found NaN/,
    );
    expect(() => reliabilityDiagram([])).toThrow(/models must not be empty/);
    expect(() => reliabilityDiagram([{ model: 'x', bins: [] }])).toThrow(/models\[0\]\.bins must not be empty/);
  });

  it('throws a TypeError for a value of the wrong kind and a RangeError for one not allowed', () => {
    const m = reliabilityModels();
    expect(() => reliabilityDiagram([{ ...m[0], model: null as never }])).toThrow(
      new TypeError('reliabilityDiagram: models[0].model must be a string, found null'),
    );
    const counted = (count: unknown) => [{ ...m[0], bins: [{ ...m[0].bins[0], count: count as number }] }];
    expect(() => reliabilityDiagram(counted('3'))).toThrow(
      new TypeError('reliabilityDiagram: models[0].bins[0].count must be a non-negative integer, found string'),
    );
    expect(() => reliabilityDiagram(counted(-1))).toThrow(
      new RangeError('reliabilityDiagram: models[0].bins[0].count must be a non-negative integer, found -1'),
    );
  });
});
