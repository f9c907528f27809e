import { describe, expect, it } from 'vitest';
import { readBlocks, writeBlocks } from './readme-blocks.js';

const README = `# Title

Intro written by a person.

<!-- reproduce:begin results -->
old results
<!-- reproduce:end results -->

Prose between blocks.

<!-- ci:test-command -->
\`\`\`sh
pnpm test
\`\`\`

<!-- reproduce:begin claims -->
<!-- reproduce:end claims -->
Tail.
`;

describe('README blocks', () => {
  it('reads each block between its markers', () => {
    expect(readBlocks(README)).toEqual(
      new Map([
        ['results', 'old results'],
        ['claims', ''],
      ]),
    );
  });

  it('replaces block contents and keeps every byte outside the markers', () => {
    const { text, appended } = writeBlocks(
      README,
      new Map([
        ['results', 'new\n| a |'],
        ['claims', 'c'],
      ]),
    );
    expect(appended).toEqual([]);
    expect(readBlocks(text)).toEqual(
      new Map([
        ['results', 'new\n| a |'],
        ['claims', 'c'],
      ]),
    );
    const outside = (s: string) =>
      s.replace(/<!-- reproduce:begin (\S+) -->[\s\S]*?<!-- reproduce:end \1 -->/g, '[$1]');
    expect(outside(text)).toBe(outside(README));
    expect(text).toContain('<!-- ci:test-command -->\n```sh\npnpm test\n```');
  });

  it('is idempotent', () => {
    const contents = new Map([
      ['results', 'x'],
      ['claims', 'y'],
    ]);
    const once = writeBlocks(README, contents).text;
    expect(writeBlocks(once, contents).text).toBe(once);
  });

  it('leaves blocks it is not given alone and appends blocks the file lacks', () => {
    const { text, appended } = writeBlocks(
      README,
      new Map([
        ['claims', 'c'],
        ['environment', 'env'],
      ]),
    );
    expect(appended).toEqual(['environment']);
    expect(readBlocks(text).get('results')).toBe('old results');
    expect(
      text.endsWith('Tail.\n\n<!-- reproduce:begin environment -->\nenv\n<!-- reproduce:end environment -->\n'),
    ).toBe(true);
  });

  it('reports broken markers with the file and line', () => {
    expect(() => readBlocks('a\n<!-- reproduce:begin x -->\nb', 'R.md')).toThrow(
      "R.md:2: block 'x' is never closed; expected <!-- reproduce:end x -->",
    );
    expect(() => readBlocks('<!-- reproduce:end x -->', 'R.md')).toThrow(
      /R.md:1: '<!-- reproduce:end x -->' without a matching <!-- reproduce:begin x -->/,
    );
    expect(() => readBlocks('<!-- reproduce:begin x -->\n<!-- reproduce:begin y -->', 'R.md')).toThrow(
      /R.md:2: .* inside block 'x'/,
    );
    const twice =
      '<!-- reproduce:begin x --><!-- reproduce:end x -->\n<!-- reproduce:begin x --><!-- reproduce:end x -->';
    expect(() => readBlocks(twice, 'R.md')).toThrow("R.md:2: block 'x' appears twice");
  });
});
