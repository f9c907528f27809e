// Golden-file comparison in the style of Observable Plot: goldens are stored pretty-printed (one element per line,
// numbers rounded to 2 decimals) so a diff reads element by element, and tiny floating-point noise from another CPU
// or Node does not fail the test. Rounding applies only to the stored/compared text, never to the figure.
// On a mismatch the actual figure is written beside the golden as <name>-changed.svg (git-ignored) for inspection.
// A missing golden always fails; UPDATE_GOLDENS=1 pnpm test (or vitest -u) (re)writes them.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { expect } from 'vitest';

/** Numbers with more than 2 decimals rounded to 2 (-0 as 0); shorter ones are left exactly as written. */
export function roundNumbers(text: string): string {
  return text.replace(/-?\d*\.\d+(e-?\d+)?/g, (m) => {
    if (!/e/.test(m) && m.split('.')[1].length <= 2) return m;
    const r = Math.round(Number(m) * 100) / 100;
    return String(r === 0 ? 0 : r);
  });
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** One element per line, children indented by two spaces; text-only elements keep their text on their line. */
export function prettySvg(svg: string): string {
  const { window } = new JSDOM('');
  const doc = new window.DOMParser().parseFromString(svg, 'image/svg+xml');
  if (doc.getElementsByTagName('parsererror').length > 0) throw new Error('prettySvg: svg does not parse as XML');
  const lines: string[] = [];
  const visit = (el: Element, depth: number) => {
    const indent = '  '.repeat(depth);
    const attributes = [...el.attributes].map((a) => ` ${a.name}="${escapeAttribute(roundNumbers(a.value))}"`).join('');
    const children = [...el.children];
    const text = children.length === 0 ? (el.textContent ?? '') : '';
    if (children.length === 0 && text === '') lines.push(`${indent}<${el.tagName}${attributes}/>`);
    else if (children.length === 0)
      lines.push(`${indent}<${el.tagName}${attributes}>${escapeText(roundNumbers(text))}</${el.tagName}>`);
    else {
      lines.push(`${indent}<${el.tagName}${attributes}>`);
      for (const child of children) visit(child, depth + 1);
      lines.push(`${indent}</${el.tagName}>`);
    }
  };
  visit(doc.documentElement, 0);
  return lines.join('\n') + '\n';
}

function updating(): boolean {
  if (process.env.UPDATE_GOLDENS === '1') return true;
  // `vitest -u`: the snapshot state's update mode is 'all' (a private field, hence the cast).
  const state = expect.getState().snapshotState as unknown as { _updateSnapshot?: string } | undefined;
  return state?._updateSnapshot === 'all';
}

function writeAtomically(path: string, text: string): void {
  writeFileSync(path + '.tmp', text);
  renameSync(path + '.tmp', path);
}

export function expectGolden(name: string, svg: string): void {
  const path = new URL(`../src/__golden__/${name}.svg`, import.meta.url).pathname;
  const changedPath = path.replace(/\.svg$/, '-changed.svg');
  const actual = prettySvg(svg);
  if (updating()) {
    writeAtomically(path, actual);
    rmSync(changedPath, { force: true });
    return;
  }
  if (!existsSync(path)) {
    writeAtomically(changedPath, actual);
    throw new Error(
      `golden file ${path} is missing (the figure was written to ${changedPath}); ` +
        'run UPDATE_GOLDENS=1 pnpm test (or vitest -u), review it and commit it',
    );
  }
  const expected = readFileSync(path, 'utf8');
  if (actual === expected) {
    rmSync(changedPath, { force: true });
    return;
  }
  writeAtomically(changedPath, actual);
  expect(actual, `${name} differs from its golden; the new figure is in ${changedPath}`).toBe(expected);
}
