import { describe, expect, it } from 'vitest';
import { svgToPng } from './svg-to-png.js';
import { groupedBarChart } from './grouped-bar-chart.js';
import { barData } from '../test/fixtures.js';

const pngWidth = (png: Uint8Array) => new DataView(png.buffer, png.byteOffset).getUint32(16);

describe('svgToPng', () => {
  it('renders a PNG of the requested width with the shipped font, deterministically', () => {
    const svg = groupedBarChart(barData(), { title: 'png' });
    const png = svgToPng(svg, { width: 300 });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngWidth(png)).toBe(300);
    expect(Buffer.from(svgToPng(svg, { width: 300 })).equals(Buffer.from(png))).toBe(true);
  });

  it('draws text (the DejaVu font is found without system fonts)', () => {
    const withText =
      '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"><text x="2" y="15" font-size="14">Hello</text></svg>';
    const without = '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"></svg>';
    expect(svgToPng(withText).length).toBeGreaterThan(svgToPng(without).length + 50);
  });

  it('rejects bad input', () => {
    expect(() => svgToPng('hello')).toThrow(
      new RangeError('svgToPng: svg must be an SVG document string, found a string starting "hello"'),
    );
    expect(() => svgToPng(null as never)).toThrow(
      new TypeError('svgToPng: svg must be an SVG document string, found null'),
    );
    expect(() => svgToPng('<svg xmlns="http://www.w3.org/2000/svg"/>', { width: 0 })).toThrow(
      new RangeError('svgToPng: options.width must be an integer in 1..16384, found 0'),
    );
  });
});
