// Placement of equally sized panels in rows and columns, and the figure header (title + wrapped subtitle).
import { addText } from './svg-text.js';
import { fontSize, colors } from './theme.js';
import { textWidth } from './text-width.js';
import type { Group } from './document.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function panelGrid(options: {
  count: number;
  columns: number;
  panelWidth: number;
  panelHeight: number;
  gapX: number;
  gapY: number;
  left: number;
  top: number;
}): Rect[] {
  const rects: Rect[] = [];
  for (let i = 0; i < options.count; i++) {
    const col = i % options.columns;
    const row = Math.floor(i / options.columns);
    rects.push({
      x: options.left + col * (options.panelWidth + options.gapX),
      y: options.top + row * (options.panelHeight + options.gapY),
      width: options.panelWidth,
      height: options.panelHeight,
    });
  }
  return rects;
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

const titleLine = fontSize.title * 1.3;
const subtitleLine = fontSize.subtitle * 1.35;

/** Height the header needs for this title and subtitle at this width. */
export function headerHeight(title: string, subtitle: string, width: number, margin = 16): number {
  const lines = subtitle ? wrapText(subtitle, fontSize.subtitle, width - 2 * margin).length : 0;
  return margin + (title ? titleLine : 0) + lines * subtitleLine + 8;
}

/** Title (bold) and subtitle (wrapped, muted) at the top left; returns the height used. */
export function drawHeader(parent: Group, title: string, subtitle: string, width: number, margin = 16): number {
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
