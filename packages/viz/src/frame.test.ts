import { describe, expect, it } from 'vitest';
import { frameTop, openFrame, drawPanelBorder, drawPanelTitle } from './frame.js';
import { headerHeight } from './layout.js';
import { legendSize, type LegendItem } from './legend.js';
import { serializeFigure } from './document.js';
import { fontSize } from './theme.js';

const legend: LegendItem[] = [{ label: 'a', color: '#000000', symbol: 'swatch' }];

describe('frame', () => {
  it('puts the plots below header, legend and headroom', () => {
    const spec = { title: 'T', subtitle: 'a subtitle', width: 400, legend };
    const header = headerHeight('T', 'a subtitle', 400);
    expect(frameTop(spec)).toBeCloseTo(header + legendSize(legend, 368).height + 8 + fontSize.panelTitle * 1.6, 9);
    expect(frameTop({ ...spec, headroom: 10 })).toBeCloseTo(header + legendSize(legend, 368).height + 18, 9);
    expect(frameTop({ title: 'T', subtitle: '', width: 400, headroom: 0 })).toBe(headerHeight('T', '', 400));
  });

  it('draws header, legend, panel title and border', () => {
    const figure = openFrame({ title: 'T', subtitle: 's', width: 200, height: 100, description: 'd', legend });
    drawPanelTitle(figure.root, { x: 10, y: 50, width: 100, height: 40 }, 'panel');
    drawPanelBorder(figure.root, { x: 10, y: 50, width: 100, height: 40 });
    const svg = serializeFigure(figure);
    expect(svg).toContain('<g class="legend">');
    expect(svg).toContain('text-anchor="middle" font-weight="bold" fill="#222222">panel</text>');
    expect(svg).toContain(
      '<rect x="10" y="50" width="100" height="40" fill="none" stroke="#444444" stroke-width="1"/>',
    );
  });
});
