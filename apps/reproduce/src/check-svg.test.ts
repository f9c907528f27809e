import { describe, expect, it } from 'vitest';
import { svgProblem } from './check-svg.js';

const NS = 'xmlns="http://www.w3.org/2000/svg"';

describe('svgProblem', () => {
  it('accepts well-formed standalone SVG', () => {
    expect(
      svgProblem(`<svg ${NS} viewBox="0 0 10 10"><title>t</title><g class='a'><rect x="1" y="2"/></g><!-- c --></svg>`),
    ).toBeNull();
    expect(svgProblem(`<?xml version="1.0"?>\n<svg ${NS}><text>a &amp; b</text></svg>\n`)).toBeNull();
  });

  it('names what is wrong', () => {
    expect(svgProblem('<html></html>')).toMatch(/start with <svg/);
    expect(svgProblem('<svg><g/></svg>')).toMatch(/xmlns/);
    expect(svgProblem(`<svg ${NS}><g></svg>`)).toMatch(/closing <\/svg> .* does not match <g>/);
    expect(svgProblem(`<svg ${NS}><g>`)).toMatch(/unclosed <g>/);
    expect(svgProblem(`<svg ${NS}><rect x=1/></svg>`)).toMatch(/malformed attributes in <rect>/);
    expect(svgProblem(`<svg ${NS}></svg><svg ${NS}></svg>`)).toMatch(/second root element|content after/);
    expect(svgProblem(`<svg ${NS}><rect`)).toMatch(/unterminated tag/);
  });
});
