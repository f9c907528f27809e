// Claims at a glance: one row per claim of the paper with its paired effect over seeds (mean, 95% interval, single
// seeds) on a strip whose zero is shared by all rows, and the verdict as a coloured word.
import { scaleLinear } from 'd3-scale';
import { serializeFigure, type Group } from './document.js';
import type { FigureOptions } from './figure-options.js';
import { drawPanelBorder, frameMargin, frameTop, openFrame, type FrameSpec } from './frame.js';
import { wrapText } from './layout.js';
import type { LegendItem } from './legend.js';
import { drawMarker } from './markers.js';
import { addText } from './svg-text.js';
import { textWidth } from './text-width.js';
import { colors, fontSize } from './theme.js';
import { compact, num } from './format.js';
import { fail, figureOptions, finiteNumber, finiteValues, nonEmptyArray } from './validate.js';

export interface ClaimRow {
  /** Experiment name, e.g. 'spiral'; rows are grouped under a group heading in input order. */
  group: string;
  /** Short claim text, e.g. 'wider low-confidence band'. */
  label: string;
  /** Unit of the effect, e.g. 'share of grid' or 'nats' ('' allowed). */
  unit: string;
  /** Mean paired effect, signed so that > 0 is the claimed direction. */
  mean: number;
  /** 95% interval of the mean (low <= mean <= high); may be non-finite only if perSeed.length < 2: no interval. */
  low: number;
  high: number;
  /** The paired effect for each seed (same sign convention). */
  perSeed: number[];
  verdict: 'supported' | 'contradicted' | 'inconclusive';
}

export interface ClaimsAtAGlanceOptions extends FigureOptions {
  subtitle?: string;
  /** Formats effect values (default: 3 significant digits). */
  format?: (value: number) => string;
}

const figureName = 'claimsAtAGlance';
const verdicts = ['supported', 'contradicted', 'inconclusive'] as const;
/** Okabe-Ito bluish green and vermillion, and a neutral grey: apart for colour-blind readers, and the word says it. */
export const verdictColor: Readonly<Record<ClaimRow['verdict'], string>> = {
  supported: '#009E73',
  contradicted: '#D55E00',
  inconclusive: '#6E6E6E',
};
const seedColor = '#1a1a1a';

const labelWidth = 230;
const stripWidth = 380;
const gutter = 20;
const verdictWidth = Math.max(...verdicts.map((v) => textWidth(v, fontSize.axisLabel, true)));
const lineHeight = fontSize.axisLabel * 1.3;
const groupHeight = fontSize.panelTitle * 2;
const endLabelSize = 9.5;
const stripInset = 10;
const jitter = 7; // px either side of the strip for the per-seed dots

function hasInterval(row: ClaimRow): boolean {
  return row.perSeed.length >= 2 || (Number.isFinite(row.low) && Number.isFinite(row.high));
}

function validate(rows: readonly ClaimRow[]): void {
  rows.forEach((row, i) => {
    const f = `rows[${i}]`;
    if (!row || typeof row !== 'object') fail(figureName, f, 'must be an object', String(row));
    for (const key of ['group', 'label', 'unit'] as const)
      if (typeof row[key] !== 'string') fail(figureName, `${f}.${key}`, 'must be a string', String(row[key]));
    if (!(verdicts as readonly string[]).includes(row.verdict))
      fail(figureName, `${f}.verdict`, `must be one of ${verdicts.join(', ')}`, String(row.verdict));
    finiteNumber(figureName, `${f}.mean`, row.mean);
    if (!Array.isArray(row.perSeed)) fail(figureName, `${f}.perSeed`, 'must be an array', String(row.perSeed));
    finiteValues(figureName, `${f}.perSeed`, row.perSeed);
    if (!hasInterval(row)) return;
    finiteNumber(figureName, `${f}.low`, row.low);
    finiteNumber(figureName, `${f}.high`, row.high);
    if (!(row.low <= row.mean)) fail(figureName, `${f}.low`, `must be <= mean (${row.mean})`, String(row.low));
    if (!(row.high >= row.mean)) fail(figureName, `${f}.high`, `must be >= mean (${row.mean})`, String(row.high));
  });
}

/** Groups in order of first appearance, each with its rows in input order. */
function groupRows(rows: readonly ClaimRow[]): Array<{ group: string; rows: ClaimRow[] }> {
  const groups: Array<{ group: string; rows: ClaimRow[] }> = [];
  for (const row of rows) {
    const found = groups.find((g) => g.group === row.group);
    if (found) found.rows.push(row);
    else groups.push({ group: row.group, rows: [row] });
  }
  return groups;
}

/** Half-width of a row's symmetric scale: the largest |value| drawn, rounded up to a nice number. */
function rowExtent(row: ClaimRow): number {
  const values = [row.mean, ...row.perSeed, ...(hasInterval(row) ? [row.low, row.high] : [])];
  const extreme = Math.max(...values.map(Math.abs));
  if (extreme === 0) return 1;
  return scaleLinear().domain([-extreme, extreme]).nice(10).domain()[1];
}

/** Deterministic vertical offsets in [-1, 1]: the golden-ratio sequence, so dots spread without randomness. */
function jitterOf(k: number): number {
  const golden = 0.6180339887498949;
  return ((k * golden) % 1) * 2 - 1;
}

/** One row per claim with a shared zero, per-row symmetric scales and the verdict; returns a standalone SVG string. */
export function claimsAtAGlance(rows: ClaimRow[], options: ClaimsAtAGlanceOptions = {}): string {
  figureOptions(figureName, options);
  nonEmptyArray(figureName, 'rows', rows);
  validate(rows);
  const fmt = options.format ?? compact;
  const title = options.title ?? 'Claims at a glance';
  const subtitle =
    options.subtitle ??
    'Each row: the paired difference manifold-mixup − baseline (sign flipped where the claim is a decrease), ' +
      'its mean and 95% interval over seeds; dots are single seeds. Each row has its own scale, symmetric about ' +
      'the shared zero; its end values are printed at the ends.';
  const groups = groupRows(rows);
  const labelX = frameMargin + 10;
  const stripLeft = frameMargin + labelWidth + gutter;
  const zeroX = stripLeft + stripWidth / 2;
  const verdictX = stripLeft + stripWidth + gutter;
  const width = verdictX + verdictWidth + frameMargin;
  const legend: LegendItem[] = [
    { label: 'mean', color: colors.text, symbol: 'circle' },
    { label: '95% interval (verdict colour)', color: colors.text, symbol: 'line' },
    { label: 'single seed', color: '#8c8c8c', symbol: 'circle' },
  ];
  const directionRow = fontSize.annotation * 2;
  const frame: FrameSpec = { title, subtitle, width, legend, headroom: directionRow };
  const top = frameTop(frame);
  const labelLines = rows.map((r) => wrapText(r.label, fontSize.axisLabel, labelWidth - 10));
  const rowHeights = labelLines.map((lines) => Math.max(40, lines.length * lineHeight + 16));
  const height = top + groups.length * groupHeight + rowHeights.reduce((s, h) => s + h, 0) + 12;
  const description =
    `${subtitle} Right of zero is as claimed, left is against the claim (← against the claim | as claimed →). ` +
    groups
      .map(
        (g) =>
          `${g.group}: ` +
          g.rows
            .map((r) => {
              const unit = r.unit ? ` ${r.unit}` : '';
              const interval = hasInterval(r) ? `, 95% interval ${fmt(r.low)} to ${fmt(r.high)}` : ', no interval';
              const seeds = `${r.perSeed.length} seed${r.perSeed.length === 1 ? '' : 's'}`;
              const values = r.perSeed.length ? ` (${r.perSeed.map(fmt).join(', ')})` : '';
              return `${r.label}: mean ${fmt(r.mean)}${unit}${interval}, ${seeds}${values}, ${r.verdict}`;
            })
            .join('; '),
      )
      .join('. ') +
    '.';

  const figure = openFrame({ ...frame, height, description, document: options.document });
  const root = figure.root;
  const directionY = top - directionRow / 2;
  addText(root, zeroX - 8, directionY, '← against the claim', {
    size: fontSize.annotation,
    anchor: 'end',
    align: 'middle',
    fill: colors.mutedText,
  });
  addText(root, zeroX + 8, directionY, 'as claimed →', {
    size: fontSize.annotation,
    anchor: 'start',
    align: 'middle',
    fill: colors.mutedText,
  });

  let y = top;
  const rowsGroup = root.append<SVGElement>('g').attr('class', 'claims');
  for (const g of groups) {
    addText(rowsGroup, frameMargin, y + groupHeight / 2, g.group, {
      size: fontSize.panelTitle,
      bold: true,
      align: 'middle',
    });
    y += groupHeight;
    for (const row of g.rows) {
      const k = rows.indexOf(row);
      drawRow(rowsGroup, row, labelLines[k], { y, height: rowHeights[k], labelX, stripLeft, zeroX, verdictX, fmt });
      y += rowHeights[k];
    }
  }
  // The shared zero, drawn through every row (and the direction note above them).
  root
    .append('line')
    .attr('class', 'zero')
    .attr('x1', num(zeroX))
    .attr('x2', num(zeroX))
    .attr('y1', num(top - directionRow))
    .attr('y2', num(y))
    .attr('stroke', colors.axis)
    .attr('stroke-width', '1');
  drawPanelBorder(root, { x: stripLeft, y: top, width: stripWidth, height: y - top }, { stroke: colors.grid });
  return serializeFigure(figure, options);
}

interface RowPlace {
  y: number;
  height: number;
  labelX: number;
  stripLeft: number;
  zeroX: number;
  verdictX: number;
  fmt: (value: number) => string;
}

function drawRow(parent: Group, row: ClaimRow, lines: string[], at: RowPlace): void {
  const g = parent.append<SVGElement>('g').attr('class', 'claim');
  const cy = at.y + at.height / 2 - 3;
  const color = verdictColor[row.verdict];
  const extent = rowExtent(row);
  // Inset from the strip's frame so marks at the scale's ends are not cut by it.
  const sx = scaleLinear()
    .domain([-extent, extent])
    .range([at.stripLeft + stripInset, at.stripLeft + stripWidth - stripInset]);
  lines.forEach((line, li) => {
    const ly = cy + (li - (lines.length - 1) / 2) * lineHeight;
    addText(g, at.labelX, ly, line, { size: fontSize.axisLabel, align: 'middle' });
  });
  g.append('line')
    .attr('x1', num(at.stripLeft))
    .attr('x2', num(at.stripLeft + stripWidth))
    .attr('y1', num(at.y + at.height))
    .attr('y2', num(at.y + at.height))
    .attr('stroke', colors.grid);
  // The row's scale: a faint baseline with ticks at its ends, the end values printed small under them.
  const axis = g.append<SVGElement>('g').attr('stroke', '#bbbbbb').attr('stroke-width', '1');
  axis
    .append('line')
    .attr('x1', num(sx(-extent)))
    .attr('x2', num(sx(extent)))
    .attr('y1', num(cy))
    .attr('y2', num(cy));
  for (const v of [-extent, extent])
    axis
      .append('line')
      .attr('x1', num(sx(v)))
      .attr('x2', num(sx(v)))
      .attr('y1', num(cy - 3))
      .attr('y2', num(cy + 3));
  const endY = at.y + at.height - 4;
  const endStyle = { size: endLabelSize, fill: colors.mutedText } as const;
  addText(g, sx(-extent) + 2, endY, at.fmt(-extent), { ...endStyle, anchor: 'start' });
  addText(g, sx(extent) - 2, endY, `${at.fmt(extent)}${row.unit ? ` ${row.unit}` : ''}`, {
    ...endStyle,
    anchor: 'end',
  });
  if (hasInterval(row)) {
    const interval = g.append<SVGElement>('g').attr('class', 'interval').attr('stroke', color);
    interval
      .append('line')
      .attr('x1', num(sx(row.low)))
      .attr('x2', num(sx(row.high)))
      .attr('y1', num(cy))
      .attr('y2', num(cy))
      .attr('stroke-width', '3.5');
    for (const v of [row.low, row.high])
      interval
        .append('line')
        .attr('x1', num(sx(v)))
        .attr('x2', num(sx(v)))
        .attr('y1', num(cy - 6))
        .attr('y2', num(cy + 6))
        .attr('stroke-width', '2');
  }
  const seeds = g.append<SVGElement>('g').attr('class', 'seeds').attr('fill-opacity', '0.45');
  row.perSeed.forEach((v, k) => drawMarker(seeds, 'circle', sx(v), cy + jitterOf(k + 1) * jitter, 2.6, seedColor));
  const mean = g.append<SVGElement>('g').attr('class', 'mean');
  drawMarker(mean, 'circle', sx(row.mean), cy, 5.5, color, '#ffffff');
  addText(g, at.verdictX, cy, row.verdict, { size: fontSize.axisLabel, bold: true, align: 'middle', fill: color });
}
