import { describe, expect, it } from 'vitest';
import { claimsAtAGlance } from './claims-at-a-glance.js';
import { claimRows, familyClaimRows } from '../test/fixtures.js';
import { checkStandalone } from '../test/check-svg.js';
import { expectGolden } from '../test/golden.js';

describe('claimsAtAGlance', () => {
  it('matches its golden file', () => {
    expectGolden('claims-at-a-glance', claimsAtAGlance(claimRows(), { title: 'golden' }));
  });

  it('draws one row per claim under its group, deterministically, with one shared zero line', () => {
    const svg = claimsAtAGlance(claimRows(), { title: 'C' });
    expect(claimsAtAGlance(claimRows(), { title: 'C' })).toBe(svg);
    const doc = checkStandalone(svg, 'C');
    const rows = [...doc.querySelectorAll('g.claim')];
    expect(rows.length).toBe(4);
    const zero = doc.querySelectorAll('line.zero');
    expect(zero.length).toBe(1);
    const zeroX = zero[0].getAttribute('x1');
    // every row's mean sits at its own scale, but every strip is centred on the same zero
    for (const row of rows) {
      const ends = [...row.querySelectorAll('g[stroke="#bbbbbb"] line')]
        .slice(1)
        .map((l) => Number(l.getAttribute('x1')));
      expect(((ends[0] + ends[1]) / 2).toFixed(2)).toBe(Number(zeroX).toFixed(2));
    }
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['spiral', 'MNIST', 'supported', 'contradicted', 'inconclusive']));
    expect(texts.indexOf('spiral')).toBeLessThan(texts.indexOf('MNIST'));
    expect(texts).toEqual(expect.arrayContaining(['← against the claim', 'as claimed →']));
  });

  it('draws an interval only with two or more seeds, and states every number in <desc>', () => {
    const doc = checkStandalone(claimsAtAGlance(claimRows(), { title: 'C' }), 'C');
    const rows = [...doc.querySelectorAll('g.claim')];
    expect(rows.map((r) => r.querySelectorAll('g.interval').length)).toEqual([1, 1, 1, 0]);
    expect(rows.map((r) => r.querySelectorAll('g.seeds circle').length)).toEqual([4, 4, 4, 1]);
    const desc = doc.querySelector('desc')!.textContent!;
    expect(desc).toContain('wider low-confidence band between the arms of the two spirals: mean 0.12 share of grid');
    expect(desc).toContain('95% interval 0.05 to 0.19, 4 seeds (0.08, 0.1, 0.15, 0.16), supported');
    expect(desc).toContain('one seed only: mean 0.4 points, no interval, 1 seed (0.4), inconclusive');
  });

  it('gives each row a symmetric scale that fits its extreme value', () => {
    const doc = checkStandalone(claimsAtAGlance(claimRows(), { title: 'C' }), 'C');
    const ends = [...doc.querySelectorAll('g.claim')].map((r) =>
      [...r.querySelectorAll('text')].slice(-3, -1).map((t) => t.textContent),
    );
    expect(ends[0]).toEqual(['−0.2', '0.2 share of grid']);
    expect(ends[2]).toEqual(['−2.5', '2.5']);
  });

  it('draws families apart: each under its heading, in order of first appearance, a rule above all but the first', () => {
    expectGolden('claims-at-a-glance-families', claimsAtAGlance(familyClaimRows(), { title: 'golden' }));
    const doc = checkStandalone(claimsAtAGlance(familyClaimRows(), { title: 'F' }), 'F');
    const families = [...doc.querySelectorAll('g.family')];
    expect(families.map((f) => f.querySelector('text')?.textContent)).toEqual([
      'Exploratory: unadjusted, not evidence',
      'Primary: Holm over 2 claims',
    ]);
    expect(families.map((f) => f.querySelectorAll('line').length)).toEqual([0, 1]);
    // The rows of a family stay together although the input interleaves them.
    // Headings are drawn after the rows (their bands hide the zero line): compare heights, not document order.
    const y = (text: string) =>
      Number([...doc.querySelectorAll('text')].find((t) => t.textContent === text)?.getAttribute('y'));
    expect(y('spiral')).toBeLessThan(y('MNIST'));
    expect(y('MNIST')).toBeLessThan(y('Primary: Holm over 2 claims'));
    expect(y('Primary: Holm over 2 claims')).toBeLessThan(y('generalisation'));
    expect(doc.querySelectorAll('g.claim')).toHaveLength(4);
    const desc = doc.querySelector('desc')!.textContent!;
    expect(desc).toMatch(
      /Exploratory: unadjusted, not evidence\. spiral: .*Primary: Holm over 2 claims\. generalisation: /,
    );
    expect(() => claimsAtAGlance([{ ...claimRows()[0], family: 3 as never }])).toThrow(
      new TypeError('claimsAtAGlance: rows[0].family must be a string when given, found 3'),
    );
  });

  it('rejects bad input with the field named', () => {
    const rows = claimRows();
    expect(() => claimsAtAGlance([])).toThrow(/claimsAtAGlance: rows must not be empty/);
    expect(() => claimsAtAGlance([{ ...rows[0], low: NaN }])).toThrow(
      /claimsAtAGlance: rows\[0\]\.low must be a finite number, found NaN/,
    );
    expect(() => claimsAtAGlance([{ ...rows[0], low: 0.13 }])).toThrow(
      /rows\[0\]\.low must be <= mean \(0\.12\), found 0\.13/,
    );
    expect(() => claimsAtAGlance([{ ...rows[0], verdict: 'maybe' as 'supported' }])).toThrow(
      /rows\[0\]\.verdict must be one of supported, contradicted, inconclusive, found maybe/,
    );
    expect(() => claimsAtAGlance([{ ...rows[0], perSeed: [1, NaN] }])).toThrow(/perSeed\[1\] must be a finite number/);
    expect(() => claimsAtAGlance(rows, { width: NaN })).toThrow(/options\.width must be a positive finite number/);
  });

  it('throws a TypeError for a value of the wrong kind and a RangeError for one not allowed', () => {
    const rows = claimRows();
    expect(() => claimsAtAGlance([null as never])).toThrow(
      new TypeError('claimsAtAGlance: rows[0] must be an object, found null'),
    );
    expect(() => claimsAtAGlance([{ ...rows[0], unit: 3 as never }])).toThrow(
      new TypeError('claimsAtAGlance: rows[0].unit must be a string, found 3'),
    );
    expect(() => claimsAtAGlance([{ ...rows[0], perSeed: {} as never }])).toThrow(
      new TypeError('claimsAtAGlance: rows[0].perSeed must be an array, found object'),
    );
    expect(() => claimsAtAGlance([{ ...rows[0], low: 0.13 }])).toThrow(RangeError);
  });
});
