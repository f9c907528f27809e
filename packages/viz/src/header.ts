// The figure's header: a bold title and a wrapped, muted subtitle at the top left.
import { addText } from './svg-text.js';
import { fontSize, colors } from './theme.js';
import { wrapText } from './text-width.js';
import type { Group } from './document.js';

const titleLine = fontSize.title * 1.3;
const subtitleLine = fontSize.subtitle * 1.35;

/** Height the header needs for this title and subtitle at this width. */
export function headerHeight(title: string, subtitle: string, width: number, margin: number): number {
  const lines = subtitle ? wrapText(subtitle, fontSize.subtitle, width - 2 * margin).length : 0;
  return margin + (title ? titleLine : 0) + lines * subtitleLine + 8;
}

/** Title (bold) and subtitle (wrapped, muted) at the top left; returns the height used. */
export function drawHeader(parent: Group, title: string, subtitle: string, width: number, margin: number): number {
  let y = margin;
  if (title) {
    addText(parent, margin, y, title, { size: fontSize.title, bold: true, align: 'top' });
    y += titleLine;
  }
  if (subtitle) {
    for (const line of wrapText(subtitle, fontSize.subtitle, width - 2 * margin)) {
      addText(parent, margin, y + 2, line, { size: fontSize.subtitle, align: 'top', fill: colors.mutedText });
      y += subtitleLine;
    }
  }
  return y + 8;
}
