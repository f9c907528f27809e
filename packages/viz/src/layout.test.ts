import { describe, expect, it } from 'vitest';
import { frameMargin, frameTop, layout, panelTitleRoom } from './layout.js';
import { headerHeight } from './header.js';
import { legendSize, type LegendItem } from './legend.js';

const legend: LegendItem[] = [{ label: 'a', color: '#000000', symbol: 'swatch' }];

describe('frameTop', () => {
  it('puts the panels below header, legend and headroom', () => {
    const spec = { title: 'T', subtitle: 'a subtitle', width: 400, legend };
    const header = headerHeight('T', 'a subtitle', 400, frameMargin);
    expect(frameTop(spec)).toBeCloseTo(header + legendSize(legend, 368).height + 8 + panelTitleRoom, 9);
    expect(frameTop({ ...spec, headroom: 10 })).toBeCloseTo(header + legendSize(legend, 368).height + 18, 9);
    expect(frameTop({ title: 'T', subtitle: '', width: 400, headroom: 0 })).toBe(headerHeight('T', '', 400, 16));
  });
});

describe('layout', () => {
  const frame = { title: 'T', subtitle: '', headroom: 0 };
  const top = headerHeight('T', '', 0, frameMargin);

  it('places panels row by row between the margins and sizes the figure around them', () => {
    const dims = layout({
      ...frame,
      count: 3,
      columns: 2,
      panelWidth: 100,
      panelHeight: 50,
      marginLeft: 30,
      marginRight: 40,
      marginBottom: 20,
      gapX: 10,
      gapY: 5,
    });
    expect(dims.top).toBe(top);
    expect(dims.panels).toEqual([
      { x: 46, y: top, width: 100, height: 50 },
      { x: 156, y: top, width: 100, height: 50 },
      { x: 46, y: top + 55, width: 100, height: 50 },
    ]);
    // 16 + 30 left, two columns and a gap, 40 + 16 right; two rows and a gap, 20 + 12 below.
    expect(dims.width).toBe(46 + 210 + 56);
    expect(dims.height).toBe(top + 105 + 32);
  });

  it('leaves the next column room for its y axis and puts all panels in one row by default', () => {
    const dims = layout({ ...frame, count: 2, panelWidth: 100, panelHeight: 50, marginLeft: 30 });
    // The gap is the left margin (16 + 30) less 4; 8 + 16 on the right; the 12 px pad below.
    expect(dims.panels.map((r) => [r.x, r.y])).toEqual([
      [46, top],
      [188, top],
    ]);
    expect(dims.width).toBe(288 + 24);
    expect(dims.height).toBe(top + 50 + 12);
  });

  it('sizes the legend for the width it computes and returns the frame to open', () => {
    const long = Array.from({ length: 12 }, (_, i): LegendItem => ({
      label: `item ${i}`,
      color: '#000',
      symbol: 'line',
    }));
    const narrow = layout({ ...frame, legend: long, legendTitle: 'L', panelWidth: 100, panelHeight: 50 });
    const wide = layout({ ...frame, legend: long, legendTitle: 'L', panelWidth: 900, panelHeight: 50 });
    expect(narrow.top).toBe(frameTop({ ...frame, width: narrow.width, legend: long, legendTitle: 'L' }));
    expect(narrow.top).toBeGreaterThan(wide.top); // the legend wraps onto more rows in the narrow figure
    expect(narrow).toMatchObject({ title: 'T', subtitle: '', legend: long, legendTitle: 'L', headroom: 0 });
    expect(narrow.panels).toEqual([{ x: 16, y: narrow.top, width: 100, height: 50 }]);
  });
});
