// Golden-file comparison: numbers are rounded to 1 decimal before comparing so harmless floating-point noise
// (another CPU, another Node) does not fail the test, while any real change to a figure does.
// UPDATE_GOLDEN=1 pnpm test rewrites the files; review the diff (and the PNGs from `pnpm examples`) before committing.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export function normaliseNumbers(svg: string): string {
  return svg.replace(/-?\d+\.\d+(e-?\d+)?/g, (m) => {
    const r = Math.round(Number(m) * 10) / 10;
    return String(r === 0 ? 0 : r);
  });
}

export function expectGolden(name: string, svg: string): void {
  const path = new URL(`../src/__golden__/${name}.svg`, import.meta.url).pathname;
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.CI && !existsSync(path))
      throw new Error(`golden file ${path} is missing; run UPDATE_GOLDEN=1 pnpm test and commit it`);
    writeFileSync(path + '.tmp', svg);
    renameSync(path + '.tmp', path);
    return;
  }
  expect(normaliseNumbers(svg)).toBe(normaliseNumbers(readFileSync(path, 'utf8')));
}
