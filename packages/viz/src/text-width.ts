// jsdom has no layout (no getBBox), so text is sized from DejaVu Sans advance widths (see scripts/char-widths.js).
import { boldWidths, regularWidths } from './char-widths.js';

const fallbackEm = 0.62; // roughly a DejaVu Sans lower-case average, for characters outside the table

/** Width in px of `text` set in DejaVu Sans at `size` px (no kerning, which DejaVu barely uses). */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? boldWidths : regularWidths;
  let em = 0;
  for (const ch of text) em += table[ch.codePointAt(0) ?? 32] ?? fallbackEm;
  return em * size;
}

/** Cap height of DejaVu Sans in em; used to centre text vertically without dominant-baseline (resvg differs). */
export const capHeightEm = 0.729;

/** Shortens `text` with an ellipsis so it fits `maxWidth` px. */
export function fitText(text: string, size: number, maxWidth: number, bold = false): string {
  if (textWidth(text, size, bold) <= maxWidth) return text;
  let out = text;
  while (out.length > 1 && textWidth(out + '…', size, bold) > maxWidth) out = out.slice(0, -1);
  return out + '…';
}

/** Greedy word wrap to `maxWidth` px using the character-width table. */
export function wrapText(text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
