import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { confidenceMaps } from './confidence-maps.js';
import { confidencePanels } from '../test/fixtures.js';
import { checkStandalone } from '../test/check-svg.js';
import { expectGolden } from '../test/golden.js';

describe('confidenceMaps', () => {
  it('matches its golden file', () => {
    expectGolden('confidence-maps', confidenceMaps(confidencePanels(), { title: 'golden' }));
  });

  it('is a standalone SVG and byte-identical for identical input', () => {
    const a = confidenceMaps(confidencePanels(), { title: 'Maps' });
    checkStandalone(a, 'Maps');
    expect(confidenceMaps(confidencePanels(), { title: 'Maps' })).toBe(a);
  });

  it('has one shared colour bar whose ticks span exactly 0..1 and one band path per non-empty threshold', () => {
    const doc = checkStandalone(confidenceMaps(confidencePanels(), { title: 'Maps' }), 'Maps');
    const bars = doc.querySelectorAll('g.color-bar');
    expect(bars.length).toBe(1);
    const ticks = [...bars[0].querySelectorAll('text')].map((t) => t.textContent).filter((t) => /^\d/.test(t ?? ''));
    expect(ticks[0]).toBe('0.00');
    expect(ticks[ticks.length - 1]).toBe('1.00');
    expect(bars[0].querySelectorAll('rect').length).toBe(20 + 1); // 20 bands + outline
    // the sharp field reaches both ends of the scale, so the lowest and highest bands are drawn
    const firstPanelBands = doc.querySelectorAll('g.panel')[0].querySelectorAll('g.bands path');
    expect(firstPanelBands.length).toBe(20);
  });

  it('draws every training point with a shape per class', () => {
    const doc = checkStandalone(confidenceMaps(confidencePanels(), { title: 'T' }), 'T');
    const pts = doc.querySelectorAll('g.panel')[0].querySelector('g.points')!;
    expect(pts.querySelectorAll('circle').length).toBe(2);
    expect(pts.querySelectorAll('path').length).toBe(2);
  });

  it('uses a passed-in document', () => {
    const { document } = new JSDOM('').window;
    const before = document.getElementsByTagNameNS('http://www.w3.org/2000/svg', 'svg').length;
    const svg = confidenceMaps(confidencePanels(), { title: 'T', document });
    expect(before).toBe(0);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    // elements were created by (and belong to) the given document: its createElementNS was used
    let calls = 0;
    const original = document.createElementNS.bind(document);
    document.createElementNS = ((ns: string, name: string) => {
      calls++;
      return original(ns, name);
    }) as typeof document.createElementNS;
    confidenceMaps(confidencePanels(), { title: 'T', document });
    expect(calls).toBeGreaterThan(50);
  });

  it('works with a window-less document and never creates a global one', () => {
    const { document } = new JSDOM('').window;
    const xmlDocument = document.implementation.createDocument('http://www.w3.org/2000/svg', 'svg', null);
    expect(xmlDocument.defaultView).toBeNull();
    checkStandalone(confidenceMaps(confidencePanels(), { title: 'T', document: xmlDocument }), 'T');
    expect((globalThis as { document?: unknown }).document).toBeUndefined();
  });

  it('draws the decision boundary P = 0.5 as an open line inside the box, unless turned off', () => {
    const doc = checkStandalone(confidenceMaps(confidencePanels(), { title: 'T' }), 'T');
    const lines = doc.querySelectorAll('path.boundary');
    expect(lines.length).toBe(2);
    expect(lines[0].getAttribute('d')).not.toMatch(/z/i); // open: the box edge is not part of the level set
    const off = checkStandalone(confidenceMaps(confidencePanels(), { title: 'T', boundary: false }), 'T');
    expect(off.querySelectorAll('path.boundary').length).toBe(0);
  });

  it('skips points outside the mapped box', () => {
    const [p] = confidencePanels();
    const points = { x: new Float32Array([0, 0, 5, 0]), labels: new Uint8Array([0, 1]) };
    const doc = checkStandalone(confidenceMaps([{ ...p, points }], { title: 'T' }), 'T');
    expect(doc.querySelectorAll('g.points > *').length).toBe(1);
  });

  it('applies the requested rendered width but keeps the viewBox', () => {
    const doc = checkStandalone(confidenceMaps(confidencePanels(), { title: 'T', width: 500 }), 'T');
    expect(doc.documentElement.getAttribute('width')).toBe('500');
    expect(doc.documentElement.getAttribute('viewBox')).not.toContain(' 500 ');
  });

  it('rejects bad input with the field named', () => {
    const p = confidencePanels();
    expect(() => confidenceMaps([])).toThrow(/confidenceMaps: panels must not be empty/);
    expect(() => confidenceMaps([{ ...p[0], probability: new Float32Array(80) }])).toThrow(
      /panels\[0\]\.probability must have length 81, found length 80/,
    );
    const nan = new Float32Array(p[0].probability);
    nan[7] = NaN;
    expect(() => confidenceMaps([p[0], { ...p[1], probability: nan }])).toThrow(
      /panels\[1\]\.probability\[7\] must be a finite number, found NaN/,
    );
    const big = new Float32Array(p[0].probability);
    big[3] = 1.5;
    expect(() => confidenceMaps([{ ...p[0], probability: big }])).toThrow(/probability\[3\] must be in \[0, 1\]/);
    expect(() => confidenceMaps([{ ...p[0], points: { x: new Float32Array(3), labels: [0, 1] } }])).toThrow(
      /points\.x must have length 4/,
    );
    expect(() => confidenceMaps([{ ...p[0], points: { x: new Float32Array(2), labels: [2] } }])).toThrow(
      /points\.labels\[0\] must be 0 or 1, found 2/,
    );
  });

  it('throws a TypeError for a value of the wrong kind and a RangeError for one not allowed', () => {
    const p = confidencePanels();
    expect(() => confidenceMaps([{ ...p[0], grid: undefined as never }])).toThrow(
      new TypeError('confidenceMaps: panels[0].grid must be an object, found undefined'),
    );
    expect(() => confidenceMaps([{ ...p[0], points: null as never }])).toThrow(
      new TypeError('confidenceMaps: panels[0].points must be { x, labels }, found null'),
    );
    expect(() => confidenceMaps([{ ...p[0], points: { x: new Float32Array(2), labels: [2] } }])).toThrow(RangeError);
  });
});
