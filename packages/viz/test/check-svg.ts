// Structural checks every figure must pass: parses as XML, standalone <svg> with xmlns, viewBox, size, title, desc.
import { JSDOM } from 'jsdom';
import { expect } from 'vitest';

export function parseSvg(svg: string): Document {
  const { window } = new JSDOM('');
  const doc = new window.DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror').length, 'SVG parses as XML').toBe(0);
  return doc;
}

export function checkStandalone(svg: string, title: string): Document {
  const doc = parseSvg(svg);
  const root = doc.documentElement;
  expect(root.tagName).toBe('svg');
  expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
  expect(root.getAttribute('viewBox')).toMatch(/^0 0 [\d.]+ [\d.]+$/);
  expect(Number(root.getAttribute('width'))).toBeGreaterThan(0);
  expect(Number(root.getAttribute('height'))).toBeGreaterThan(0);
  expect(root.children[0].tagName).toBe('title');
  expect(root.children[0].textContent).toBe(title);
  expect(root.children[1].tagName).toBe('desc');
  expect(root.children[1].textContent?.length).toBeGreaterThan(20);
  // every coordinate is rounded (at most 2 decimals) so output is small and stable
  for (const el of [...doc.getElementsByTagName('*')]) {
    for (const attr of [...el.attributes]) expect(attr.value, `${el.tagName}@${attr.name}`).not.toMatch(/\d\.\d{3}/);
  }
  return doc;
}
