// Claims at a glance: one row per claim of the paper with its paired effect over seeds (mean, 95% interval, single
// seeds) on a strip whose zero is shared by all rows, and the verdict as a coloured word.
import { scaleLinear } from 'd3-scale';
import { serializeFigure, type Group } from './document.js';
import type { FigureOptions } from './figure-options.js';
import { drawPanelBorder, openFrame } from './frame.js';
import { frameMargin, layout, type Rect } from './layout.js';
import { drawMarker } from './markers.js';
import { addText } from './svg-text.js';
import { appendLine, appendRect } from './svg-shapes.js';
import { textWidth, wrapText } from './text-width.js';
import { colors, fontSize } from './theme.js';
import { compact, num } from './format.js';
import {
  describeFound,
  fail,
  figureOptions,
  finiteNumber,
  finiteValues,
  nonEmptyArray,
  typeError,
} from './validate.js';

export interface ClaimRow {
  /**
   * The family the claim belongs to, e.g. 'Primary: Holm over 7 claims' or 'Exploratory': families are drawn
   * apart, each under its heading and a rule, in order of first appearance. Absent: no family heading.
   */
  family?: string;
  /** Experiment name, e.g. 'spiral'; rows are grouped under a group heading in input order (within a family). */
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
/** A family's heading, with room above it for the rule that sets it apart from the family before. */
const familyHeight = fontSize.panelTitle * 3;
const endLabelSize = 9.5;
const stripInset = 10;
const jitter = 7; // px either side of the strip for the per-seed dots
/** Claims are indented under their group's heading. */
const labelIndent = 10;
/** Above the rows: the note saying which side of zero is as claimed. */
const directionRow = fontSize.annotation * 2;

type Format = (value: number) => string;

function hasInterval(row: ClaimRow): boolean {
  return row.perSeed.length >= 2 || (Number.isFinite(row.low) && Number.isFinite(row.high));
}

function validate(rows: readonly ClaimRow[]): void {
  rows.forEach((row, i) => {
    const f = `rows[${i}]`;
    if (!row || typeof row !== 'object') fail(figureName, f, 'must be an object', describeFound(row), typeError);
    for (const key of ['group', 'label', 'unit'] as const)
      if (typeof row[key] !== 'string')
        fail(figureName, `${f}.${key}`, 'must be a string', describeFound(row[key]), typeError);
    if (row.family !== undefined && typeof row.family !== 'string')
      fail(figureName, `${f}.family`, 'must be a string when given', describeFound(row.family), typeError);
    if (!(verdicts as readonly string[]).includes(row.verdict))
      fail(figureName, `${f}.verdict`, `must be one of ${verdicts.join(', ')}`, String(row.verdict));
    finiteNumber(figureName, `${f}.mean`, row.mean);
    if (!Array.isArray(row.perSeed))
      fail(figureName, `${f}.perSeed`, 'must be an array', describeFound(row.perSeed), typeError);
    finiteValues(figureName, `${f}.perSeed`, row.perSeed);
    if (!hasInterval(row)) return;
    finiteNumber(figureName, `${f}.low`, row.low);
    finiteNumber(figureName, `${f}.high`, row.high);
    if (!(row.low <= row.mean)) fail(figureName, `${f}.low`, `must be <= mean (${row.mean})`, String(row.low));
    if (!(row.high >= row.mean)) fail(figureName, `${f}.high`, `must be >= mean (${row.mean})`, String(row.high));
  });
}

interface RowGroup {
  family: string | undefined;
  group: string;
  rows: ClaimRow[];
}

/** Groups in order of first appearance, each with its rows in input order; families kept together, in order. */
function groupRows(rows: readonly ClaimRow[]): RowGroup[] {
  const groups: RowGroup[] = [];
  for (const row of rows) {
    const found = groups.find((g) => g.group === row.group && g.family === row.family);
    if (found) found.rows.push(row);
    else groups.push({ family: row.family, group: row.group, rows: [row] });
  }
  const families = [...new Set(groups.map((g) => g.family))];
  return families.flatMap((family) => groups.filter((g) => g.family === family));
}

/** Whether group i opens a family (the first group with a family heading that differs from the one before). */
function opensFamily(groups: readonly RowGroup[], i: number): boolean {
  return groups[i].family !== undefined && (i === 0 || groups[i - 1].family !== groups[i].family);
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

/**
 * Claims at a glance: one row per claim of the paper, grouped by experiment (and, when rows name one, by family, each
 * family under its heading and set apart by a rule), with its paired effect over seeds (mean, 95% interval and single
 * seeds) on a strip whose zero is shared by all rows (each row has its own symmetric scale), and the verdict as a
 * coloured word.
 *
 * ```js
 * const svg = claimsAtAGlance([
 *   {
 *     group: 'spiral', label: 'lower test NLL', unit: 'nats',
 *     mean: 0.02, low: -0.01, high: 0.05, perSeed: [0.01, 0.03, 0.02], verdict: 'inconclusive',
 *   },
 *   {
 *     group: 'MNIST', label: 'flatter spectra', unit: '',
 *     mean: 1.5, low: 0.6, high: 2.4, perSeed: [1, 2, 1.6, 1.4], verdict: 'supported',
 *   },
 * ]);
 * ```
 * @param rows One entry per claim: its family (optional), experiment (group), text, unit, the effect's mean and 95%
 *   interval (signed so that > 0 is the claimed direction), the effect per seed, and the verdict.
 * @param options Title, subtitle, a number format (default: 3 significant digits), rendered size and document.
 * @returns A standalone SVG string.
 */
export function claimsAtAGlance(rows: ClaimRow[], options: ClaimsAtAGlanceOptions = {}): string {
  figureOptions(figureName, options);
  nonEmptyArray(figureName, 'rows', rows);
  validate(rows);
  const fmt = options.format ?? compact;
  const subtitle =
    options.subtitle ??
    'Each row: the paired difference manifold-mixup − baseline (sign flipped where the claim is a decrease), ' +
      'its mean and 95% interval over seeds; dots are single seeds. Each row has its own scale, symmetric about ' +
      'the shared zero; its end values are printed at the ends.';
  const groups = groupRows(rows);
  const sizes = new Map<ClaimRow, RowSize>();
  for (const row of rows) {
    const lines = wrapText(row.label, fontSize.axisLabel, labelWidth - 10);
    sizes.set(row, { lines, height: Math.max(40, lines.length * lineHeight + 16) });
  }
  // One panel, the strip of every row; the claims' text to its left and the verdicts to its right are its margins.
  const dims = layout({
    title: options.title ?? 'Claims at a glance',
    subtitle,
    legend: [
      { label: 'mean', color: colors.text, symbol: 'circle' },
      { label: '95% interval (verdict colour)', color: colors.text, symbol: 'line' },
      { label: 'single seed', color: '#8c8c8c', symbol: 'circle' },
    ],
    headroom: directionRow,
    panelWidth: stripWidth,
    panelHeight:
      groups.length * groupHeight +
      groups.filter((_, i) => opensFamily(groups, i)).length * familyHeight +
      rows.reduce((s, row) => s + (sizes.get(row) as RowSize).height, 0),
    marginLeft: labelWidth + gutter,
    marginRight: gutter + verdictWidth,
  });
  const figure = openFrame({ ...dims, description: describe(groups, subtitle, fmt), document: options.document });
  drawClaims(figure.root, groups, sizes, dims.panels[0], fmt);
  return serializeFigure(figure, options);
}

interface RowSize {
  lines: string[];
  height: number;
}

/** The strip of all rows: the direction note, each group's heading and rows, the shared zero, the outline. */
function drawClaims(
  root: Group,
  groups: readonly RowGroup[],
  sizes: ReadonlyMap<ClaimRow, RowSize>,
  strip: Rect,
  fmt: Format,
): void {
  const place: Omit<RowPlace, 'y' | 'height'> = {
    labelX: frameMargin + labelIndent,
    stripLeft: strip.x,
    zeroX: strip.x + strip.width / 2,
    verdictX: strip.x + strip.width + gutter,
    fmt,
  };
  drawDirections(root, place.zeroX, strip.y - directionRow / 2);
  let y = strip.y;
  const rowsGroup = root.append<SVGElement>('g').attr('class', 'claims');
  const headings: FamilyHeading[] = [];
  groups.forEach((g, i) => {
    if (opensFamily(groups, i)) {
      headings.push({ family: g.family as string, y, rule: i > 0 });
      y += familyHeight;
    }
    addText(rowsGroup, frameMargin, y + groupHeight / 2, g.group, {
      size: fontSize.panelTitle,
      bold: true,
      align: 'middle',
    });
    y += groupHeight;
    for (const row of g.rows) {
      const { lines, height } = sizes.get(row) as RowSize;
      drawRow(rowsGroup, row, lines, { ...place, y, height });
      y += height;
    }
  });
  // The shared zero, drawn through every row (and the direction note above them).
  root
    .append('line')
    .attr('class', 'zero')
    .attr('x1', num(place.zeroX))
    .attr('x2', num(place.zeroX))
    .attr('y1', num(strip.y - directionRow))
    .attr('y2', num(y))
    .attr('stroke', colors.axis)
    .attr('stroke-width', '1');
  drawPanelBorder(root, { ...strip, height: y - strip.y }, { stroke: colors.grid });
  // Last, so that their bands cut the zero line and the strip's outline: each family reads as a panel of its own.
  for (const h of headings) drawFamilyHeading(root, h, place.verdictX + verdictWidth);
}

interface FamilyHeading {
  family: string;
  /** Top of its band. */
  y: number;
  /** A rule above it, apart from the family before (none above the first). */
  rule: boolean;
}

/** A family's heading on a white band across the whole figure (hiding the zero line and outline behind it). */
function drawFamilyHeading(parent: Group, { family, y, rule }: FamilyHeading, right: number): void {
  const heading = parent.append<SVGElement>('g').attr('class', 'family');
  appendRect(heading, frameMargin, y + 1, right - frameMargin, familyHeight - 2).attr('fill', '#ffffff');
  if (rule)
    appendLine(heading, frameMargin, right, y + 4, y + 4)
      .attr('stroke', colors.text)
      .attr('stroke-width', '1.5');
  addText(heading, frameMargin, y + familyHeight * 0.62, family, {
    size: fontSize.panelTitle + 1,
    bold: true,
    align: 'middle',
  });
}

/** The subtitle, the reading direction, then every claim in words, group by group (under its family, if any). */
function describe(groups: readonly RowGroup[], subtitle: string, fmt: Format): string {
  const claim = (r: ClaimRow) => {
    const unit = r.unit ? ` ${r.unit}` : '';
    const interval = hasInterval(r) ? `, 95% interval ${fmt(r.low)} to ${fmt(r.high)}` : ', no interval';
    const seeds = `${r.perSeed.length} seed${r.perSeed.length === 1 ? '' : 's'}`;
    const values = r.perSeed.length ? ` (${r.perSeed.map(fmt).join(', ')})` : '';
    return `${r.label}: mean ${fmt(r.mean)}${unit}${interval}, ${seeds}${values}, ${r.verdict}`;
  };
  return (
    `${subtitle} Right of zero is as claimed, left is against the claim (← against the claim | as claimed →). ` +
    groups
      .map((g, i) => `${opensFamily(groups, i) ? `${g.family}. ` : ''}${g.group}: ` + g.rows.map(claim).join('; '))
      .join('. ') +
    '.'
  );
}

/** The note above the strip: which side of zero is against the claim and which is as claimed. */
function drawDirections(parent: Group, zeroX: number, y: number): void {
  const style = { size: fontSize.annotation, align: 'middle', fill: colors.mutedText } as const;
  addText(parent, zeroX - 8, y, '← against the claim', { ...style, anchor: 'end' });
  addText(parent, zeroX + 8, y, 'as claimed →', { ...style, anchor: 'start' });
}

interface RowPlace {
  y: number;
  height: number;
  labelX: number;
  stripLeft: number;
  zeroX: number;
  verdictX: number;
  fmt: Format;
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
  appendLine(g, at.stripLeft, at.stripLeft + stripWidth, at.y + at.height, at.y + at.height).attr(
    'stroke',
    colors.grid,
  );
  // The row's scale: a faint baseline with ticks at its ends, the end values printed small under them.
  const axis = g.append<SVGElement>('g').attr('stroke', '#bbbbbb').attr('stroke-width', '1');
  appendLine(axis, sx(-extent), sx(extent), cy, cy);
  for (const v of [-extent, extent]) appendLine(axis, sx(v), sx(v), cy - 3, cy + 3);
  const endY = at.y + at.height - 4;
  const endStyle = { size: endLabelSize, fill: colors.mutedText } as const;
  addText(g, sx(-extent) + 2, endY, at.fmt(-extent), { ...endStyle, anchor: 'start' });
  addText(g, sx(extent) - 2, endY, `${at.fmt(extent)}${row.unit ? ` ${row.unit}` : ''}`, {
    ...endStyle,
    anchor: 'end',
  });
  if (hasInterval(row)) {
    const interval = g.append<SVGElement>('g').attr('class', 'interval').attr('stroke', color);
    appendLine(interval, sx(row.low), sx(row.high), cy, cy).attr('stroke-width', '3.5');
    for (const v of [row.low, row.high]) appendLine(interval, sx(v), sx(v), cy - 6, cy + 6).attr('stroke-width', '2');
  }
  const seeds = g.append<SVGElement>('g').attr('class', 'seeds').attr('fill-opacity', '0.45');
  row.perSeed.forEach((v, k) => drawMarker(seeds, 'circle', sx(v), cy + jitterOf(k + 1) * jitter, 2.6, seedColor));
  const mean = g.append<SVGElement>('g').attr('class', 'mean');
  drawMarker(mean, 'circle', sx(row.mean), cy, 5.5, color, '#ffffff');
  addText(g, at.verdictX, cy, row.verdict, { size: fontSize.axisLabel, bold: true, align: 'middle', fill: color });
}
