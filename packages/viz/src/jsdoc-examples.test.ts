import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as viz from './index.js';
import { parseSvg } from '../test/check-svg.js';

// Each figure's JSDoc carries a short example (as tfjs-core's ops do); run them so the documentation cannot drift
// from the API: every example must draw a standalone SVG without throwing.
const figures = {
  confidenceMaps: 'confidence-maps.ts',
  scatterPlots: 'scatter-plots.ts',
  spectraSmallMultiples: 'spectra-small-multiples.ts',
  reliabilityDiagram: 'reliability-diagram.ts',
  groupedBarChart: 'grouped-bar-chart.ts',
  claimsAtAGlance: 'claims-at-a-glance.ts',
  intervalCurves: 'interval-curves.ts',
} as const;

/** The ```js blocks of a source file's doc comments, without the comments' leading ` * `. */
function examples(file: string): string[] {
  const source = readFileSync(new URL(file, import.meta.url), 'utf8');
  return [...source.matchAll(/\* ```js\n([\s\S]*?)\n \* ```/g)].map((m) =>
    m[1]
      .split('\n')
      .map((line) => line.replace(/^ \* ?/, ''))
      .join('\n'),
  );
}

describe('JSDoc examples', () => {
  it.each(Object.entries(figures))('%s has one that draws a figure', (name, file) => {
    const found = examples(file);
    expect(found.length).toBe(1);
    expect(found[0]).toContain(`${name}(`);
    const run = new Function(...Object.keys(figures), `${found[0]}\nreturn svg;`) as (...f: unknown[]) => string;
    const svg = run(...Object.keys(figures).map((k) => viz[k as keyof typeof figures]));
    expect(parseSvg(svg).documentElement.tagName).toBe('svg');
  });
});
