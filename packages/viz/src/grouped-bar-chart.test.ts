import { describe, expect, it } from 'vitest';
import { groupedBarChart } from './grouped-bar-chart.js';
import { barData, barDataWithSeeds } from '../test/fixtures.js';
import { checkStandalone } from '../test/check-svg.js';
import { expectGolden } from '../test/golden.js';

describe('groupedBarChart', () => {
  it('matches its golden file', () => {
    expectGolden('grouped-bar-chart', groupedBarChart(barData(), { title: 'golden', yLabel: 'value' }));
  });

  it('draws one bar per group and series, starting at zero, with value labels', () => {
    const svg = groupedBarChart(barData(), { title: 'B' });
    expect(groupedBarChart(barData(), { title: 'B' })).toBe(svg);
    const doc = checkStandalone(svg, 'B');
    const bars = [...doc.querySelectorAll('g.bars rect')];
    expect(bars.length).toBe(4);
    const bottoms = bars.map((b) => Number(b.getAttribute('y')) + Number(b.getAttribute('height')));
    expect(new Set(bottoms.map((v) => v.toFixed(1))).size).toBe(1);
    expect([...doc.querySelectorAll('g.bars text')].map((t) => t.textContent)).toEqual(['0.9', '0.92', '0.08', '0.03']);
  });

  it('matches its golden file with per-seed dots', () => {
    expectGolden('grouped-bar-chart-seeds', groupedBarChart(barDataWithSeeds(), { title: 'golden', yLabel: 'value' }));
  });

  it('draws per-seed dots over the bars and says that bars are means', () => {
    const doc = checkStandalone(groupedBarChart(barDataWithSeeds(), { title: 'B' }), 'B');
    expect(doc.querySelectorAll('g.seed-points circle').length).toBe(12);
    expect(doc.querySelector('desc')!.textContent).toContain('Bars are means over seeds, dots single seeds');
    expect(doc.querySelector('desc')!.textContent).toContain('baseline 0.9 (seeds: 0.88, 0.9, 0.92)');
    const plain = checkStandalone(groupedBarChart(barData(), { title: 'B' }), 'B');
    expect(plain.querySelectorAll('g.seed-points').length).toBe(0);
  });

  it('rejects mismatched lengths and NaN with the field named', () => {
    expect(() => groupedBarChart({ groups: ['a', 'b'], series: [{ name: 's', values: [1] }] })).toThrow(
      /groupedBarChart: data\.series\[0\]\.values must have length 2, found length 1/,
    );
    expect(() => groupedBarChart({ groups: ['a'], series: [{ name: 's', values: [NaN] }] })).toThrow(
      /data\.series\[0\]\.values\[0\] must be a finite number, found NaN/,
    );
    expect(() => groupedBarChart({ groups: [], series: [] })).toThrow(/data\.groups must not be empty/);
    expect(() => groupedBarChart({ groups: ['a'], series: [{ name: 's', values: [1], points: [] }] })).toThrow(
      /data\.series\[0\]\.points must be an array of 1 arrays \(one per group\), found an array of length 0/,
    );
    expect(() => groupedBarChart({ groups: ['a'], series: [{ name: 's', values: [1], points: [[1, NaN]] }] })).toThrow(
      /data\.series\[0\]\.points\[0\]\[1\] must be a finite number, found NaN/,
    );
  });

  it('throws a TypeError for a value of the wrong kind and a RangeError for one not allowed', () => {
    expect(() => groupedBarChart('data' as never)).toThrow(
      new TypeError('groupedBarChart: data must be { groups, series }, found string'),
    );
    expect(() => groupedBarChart({ groups: ['a'], series: [{ name: undefined as never, values: [1] }] })).toThrow(
      new TypeError('groupedBarChart: data.series[0].name must be a string, found undefined'),
    );
    expect(() => groupedBarChart({ groups: ['a', 'b'], series: [{ name: 's', values: [1] }] })).toThrow(RangeError);
  });
});
