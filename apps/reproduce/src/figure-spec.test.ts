import { describe, expect, it } from 'vitest';
import { drawFigure, type FigureSpec } from './figure-spec.js';

describe('drawFigure', () => {
  it('refuses a kind it cannot draw with a RangeError naming the figure and the kinds it knows', () => {
    const spec = { name: 'x.svg', kind: 'pieChart', data: [], options: {} } as unknown as FigureSpec;
    expect(() => drawFigure(spec)).toThrow(RangeError);
    expect(() => drawFigure(spec)).toThrow(/^figure x\.svg: kind must be one of confidenceMaps, .*, found 'pieChart'$/);
  });
});
