/**
 * Generated sections of a Markdown file, between `<!-- reproduce:begin NAME -->` and
 * `<!-- reproduce:end NAME -->`. Everything outside the markers is prose written by people and is kept
 * byte for byte.
 */

const MARKER = /<!-- reproduce:(begin|end) ([\w-]+) -->/g;

export function beginMarker(name: string): string {
  return `<!-- reproduce:begin ${name} -->`;
}

export function endMarker(name: string): string {
  return `<!-- reproduce:end ${name} -->`;
}

interface Block {
  name: string;
  /** Offset just after the begin marker and just before the end marker. */
  contentStart: number;
  contentEnd: number;
}

/** Finds every block; throws (naming the file, marker and line) on unbalanced, nested or duplicate markers. */
export function findBlocks(text: string, file = 'README.md'): Block[] {
  const blocks: Block[] = [];
  let open: { name: string; end: number; line: number } | null = null;
  const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length;
  for (const match of text.matchAll(MARKER)) {
    const [marker, kind, name] = match;
    const at = match.index ?? 0;
    if (kind === 'begin') {
      if (open)
        throw new Error(
          `${file}:${lineOf(at)}: '${marker}' inside block '${open.name}' (opened on line ${open.line}); expected ${endMarker(open.name)} first`,
        );
      if (blocks.some((b) => b.name === name)) throw new Error(`${file}:${lineOf(at)}: block '${name}' appears twice`);
      open = { name, end: at + marker.length, line: lineOf(at) };
    } else {
      if (!open || open.name !== name) {
        throw new Error(
          `${file}:${lineOf(at)}: '${marker}' without a matching ${beginMarker(name)}${open ? ` (block '${open.name}' is open)` : ''}`,
        );
      }
      blocks.push({ name, contentStart: open.end, contentEnd: at });
      open = null;
    }
  }
  if (open)
    throw new Error(`${file}:${open.line}: block '${open.name}' is never closed; expected ${endMarker(open.name)}`);
  return blocks;
}

/** The content of each block, trimmed of the newlines next to the markers. */
export function readBlocks(text: string, file?: string): Map<string, string> {
  return new Map(findBlocks(text, file).map((b) => [b.name, trimNewlines(text.slice(b.contentStart, b.contentEnd))]));
}

function trimNewlines(s: string): string {
  return s.replace(/^\n+/, '').replace(/\n+$/, '');
}

/**
 * Replaces the content of the named blocks. Blocks the text lacks are appended at the end (in the given
 * order) and reported in `appended`; blocks of the text not in `contents` are left as they are.
 */
export function writeBlocks(
  text: string,
  contents: ReadonlyMap<string, string>,
  file?: string,
): { text: string; appended: string[] } {
  const blocks = findBlocks(text, file);
  let out = '';
  let at = 0;
  for (const block of blocks) {
    const content = contents.get(block.name);
    if (content === undefined) continue;
    out += `${text.slice(at, block.contentStart)}\n${trimNewlines(content)}\n`;
    at = block.contentEnd;
  }
  out += text.slice(at);
  const appended = [...contents.keys()].filter((name) => !blocks.some((b) => b.name === name));
  for (const name of appended) {
    if (out !== '' && !out.endsWith('\n')) out += '\n';
    out += `\n${beginMarker(name)}\n${trimNewlines(contents.get(name) ?? '')}\n${endMarker(name)}\n`;
  }
  return { text: out, appended };
}
