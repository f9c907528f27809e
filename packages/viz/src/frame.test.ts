import { describe, expect, it } from 'vitest';
import { openFrame, drawPanelBorder, drawPanelTitle } from './frame.js';
import type { LegendItem } from './legend.js';
import { serializeFigure } from './document.js';

const legend: LegendItem[] = [{ label: 'a', color: '#000000', symbol: 'swatch' }];

describe('frame', () => {
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
