// Cross-package check: a field sampled by analysis' makeGrid is drawn where its samples are. The P = 0.5 boundary
// of a linear ramp must land on the pixel of the x (or y) where the ramp crosses 0.5, within a tenth of a cell.
import { describe, expect, it } from 'vitest';
import { makeGrid } from '@manifold-mixup/analysis';
import { confidenceMaps } from './confidence-maps.js';
import { parseSvg } from '../test/check-svg.js';

/** Absolute points of a path written by ringPath: one M, then relative l segments. */
function pathPoints(d: string): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  for (const sub of d.match(/M[^M]*/g) ?? []) {
    const numbers = (sub.match(/-?\d*\.?\d+/g) ?? []).map(Number);
    let x = numbers[0],
      y = numbers[1];
    points.push([x, y]);
    for (let k = 2; k + 1 < numbers.length; k += 2) {
      x += numbers[k];
      y += numbers[k + 1];
      points.push([x, y]);
    }
  }
  return points;
}

const box = { xMin: -3, xMax: 5, yMin: -1, yMax: 2 };
const size = 300;

function draw(axis: 0 | 1, crossing: number) {
  const grid = makeGrid(box, { nx: 8, ny: 6 });
  const probability = new Float32Array(grid.nx * grid.ny);
  for (let k = 0; k < probability.length; k++) {
    const v = grid.points[2 * k + axis];
    probability[k] = Math.min(1, Math.max(0, 0.5 + (v - crossing) * 0.1));
  }
  const points = { x: new Float32Array([0, 0]), labels: [0] };
  const doc = parseSvg(confidenceMaps([{ title: 'ramp', grid, probability, points }], { panelSize: size }));
  const panel = doc.querySelector('g.panel')!;
  const frame = [...panel.children].filter((e) => e.tagName === 'rect' && e.getAttribute('fill') === 'none').pop()!;
  const left = Number(frame.getAttribute('x'));
  const top = Number(frame.getAttribute('y'));
  const boundary = pathPoints(panel.querySelector('path.boundary')!.getAttribute('d')!);
  const bands = [...panel.querySelectorAll('g.bands path')];
  // 20 bands of 0.05 from 0; the ramp covers 0 to above 0.5, so bands 0 to 0.5 are all drawn: the 11th is P >= 0.5
  const fromHalf = pathPoints(bands[10].getAttribute('d')!);
  return { grid, left, top, boundary, fromHalf };
}

describe('grid registration with makeGrid (cell centres)', () => {
  it('draws the x boundary at the pixel of x0', () => {
    const x0 = 4; // near the right edge, where a stretch of nx/(nx-1) about the centre is largest
    const { grid, left, boundary, fromHalf } = draw(0, x0);
    const cell = size / grid.nx;
    const expected = left + ((x0 - box.xMin) / (box.xMax - box.xMin)) * size;
    expect(boundary.length).toBeGreaterThan(1);
    for (const [x] of boundary) expect(Math.abs(x - expected)).toBeLessThan(0.1 * cell);
    // the coloured region P >= 0.5 starts at the same pixel and reaches the panel's right edge, not beyond
    expect(Math.abs(Math.min(...fromHalf.map((p) => p[0])) - expected)).toBeLessThan(0.1 * cell);
    expect(Math.abs(Math.max(...fromHalf.map((p) => p[0])) - (left + size))).toBeLessThan(0.11); // paths: 0.1 px
  });

  it('draws the y boundary at the pixel of y0', () => {
    const y0 = -0.5;
    const { grid, top, boundary, fromHalf } = draw(1, y0);
    const cell = size / grid.ny;
    const expected = top + ((box.yMax - y0) / (box.yMax - box.yMin)) * size;
    expect(boundary.length).toBeGreaterThan(1);
    for (const [, y] of boundary) expect(Math.abs(y - expected)).toBeLessThan(0.1 * cell);
    expect(Math.abs(Math.max(...fromHalf.map((p) => p[1])) - expected)).toBeLessThan(0.1 * cell);
    expect(Math.abs(Math.min(...fromHalf.map((p) => p[1])) - top)).toBeLessThan(0.11);
  });
});
