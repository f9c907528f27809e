// Reliability diagram: per-bin accuracy against confidence with the diagonal, the gap shaded, and a count strip.
import { scaleLinear } from 'd3-scale';
import type { ReliabilityBin } from '@manifold-mixup/types';
import { serializeFigure, type Group } from './document.js';
import type { FigureOptions } from './figure-options.js';
import { axisExtent, drawAxis } from './axes.js';
import { layout, type Rect } from './layout.js';
import { appendLine, appendRect } from './svg-shapes.js';
import { drawPanelBorder, drawPanelTitle, openFrame } from './frame.js';
import { colors, seriesColor } from './theme.js';
import { num, percent } from './format.js';
import { format } from 'd3-format';
import {
  describeFound,
  fail,
  figureOptions,
  finiteNumber,
  nonEmptyArray,
  nonNegativeInteger,
  positiveNumber,
  typeError,
} from './validate.js';

export interface ReliabilityModel {
  model: string;
  /** As returned by calibration() of @manifold-mixup/analysis; empty bins (count 0) may hold NaN. */
  bins: ReliabilityBin[];
  ece?: number;
}
export interface ReliabilityOptions extends FigureOptions {
  subtitle?: string;
  panelSize?: number;
}

const figureName = 'reliabilityDiagram';
const gapColor = '#D55E00';
// The gap's fill is opaque: the legend colour at 35% on white, precomputed. A translucent fill over the blue bar
// (an underconfident bin, where the gap lies inside the bar) read as dark grey instead of the legend's light orange.
const gapFill = '#F0C7A6';
const countAxis = { label: 'count', ticks: 2, format: (v: number) => (v >= 1000 ? format('.3~s')(v) : String(v)) };
/** Height of the count strip under each panel, and the space between them. */
const strip = 70;
const stripGap = 14;

function validate(models: ReliabilityModel[]): void {
  models.forEach((m, i) => {
    if (!m || typeof m.model !== 'string')
      fail(figureName, `models[${i}].model`, 'must be a string', describeFound(m?.model), typeError);
    nonEmptyArray(figureName, `models[${i}].bins`, m.bins);
    if (m.ece !== undefined) finiteNumber(figureName, `models[${i}].ece`, m.ece);
    m.bins.forEach((b, k) => {
      const f = `models[${i}].bins[${k}]`;
      nonNegativeInteger(figureName, `${f}.count`, b?.count);
      for (const key of ['lower', 'upper'] as const) {
        const v = finiteNumber(figureName, `${f}.${key}`, b[key]);
        if (v < 0 || v > 1) fail(figureName, `${f}.${key}`, 'must be in [0, 1]', String(v));
      }
      if (!(b.upper > b.lower)) fail(figureName, `${f}.upper`, `must exceed lower (${b.lower})`, String(b.upper));
      if (b.count === 0) return; // empty bins may carry NaN confidence/accuracy; they are not drawn
      for (const key of ['confidence', 'accuracy'] as const) {
        const v = finiteNumber(figureName, `${f}.${key}`, b[key]);
        if (v < 0 || v > 1) fail(figureName, `${f}.${key}`, 'must be in [0, 1]', String(v));
      }
    });
  });
}

/**
 * Reliability diagrams, one panel per model: the accuracy of the predictions in each confidence bin as bars, the gap
 * to their mean confidence shaded, the diagonal of perfect calibration, and underneath a strip with the number of
 * predictions per bin on one scale for all panels.
 *
 * ```js
 * const bin = (lower, confidence, accuracy, count) => ({ lower, upper: lower + 0.5, confidence, accuracy, count });
 * const svg = reliabilityDiagram([
 *   { model: 'baseline', bins: [bin(0, 0.3, 0.2, 40), bin(0.5, 0.9, 0.8, 60)], ece: 0.1 },
 *   { model: 'manifold mixup', bins: [bin(0, 0.35, 0.4, 30), bin(0.5, 0.8, 0.82, 70)] },
 * ]);
 * ```
 * @param models One entry per model: its name, its bins (analysis' calibration(...).bins) and, if given, its ECE
 *   for the panel's heading.
 * @param options Title, subtitle, side of a panel in px (default 300), rendered size and document.
 * @returns A standalone SVG string.
 */
export function reliabilityDiagram(models: ReliabilityModel[], options: ReliabilityOptions = {}): string {
  figureOptions(figureName, options);
  nonEmptyArray(figureName, 'models', models);
  validate(models);
  const subtitle =
    options.subtitle ??
    'Bars: accuracy of the predictions in each confidence bin; shaded: the gap to their mean confidence ' +
      '(below the diagonal = overconfident; where accuracy exceeds confidence the gap is the top of the bar, capped ' +
      'by a blue line at the accuracy). Strip: number of predictions per bin, same scale in every panel; empty bins are not drawn.';
  const size = positiveNumber(figureName, 'options.panelSize', options.panelSize ?? 300);
  const unit = scaleLinear().domain([0, 1]).range([size, 0]);
  const maxCount = Math.max(1, ...models.flatMap((m) => m.bins.map((b) => b.count)));
  const countScale = scaleLinear().domain([0, maxCount]).range([strip, 0]).nice();
  const dims = layout({
    title: options.title ?? 'Reliability diagram',
    subtitle,
    legend: [
      { label: 'accuracy', color: seriesColor(0), symbol: 'swatch' },
      { label: 'gap to mean confidence', color: gapFill, symbol: 'swatch', stroke: gapColor },
      { label: 'perfect calibration', color: colors.diagonal, symbol: 'line' },
    ],
    count: models.length,
    panelWidth: size,
    panelHeight: size,
    marginLeft: Math.max(
      axisExtent(unit, { orient: 'left', at: 0, label: 'accuracy' }),
      axisExtent(countScale, { orient: 'left', at: 0, ...countAxis }),
    ),
    // The count strip and the confidence axis under it.
    marginBottom: stripGap + strip + axisExtent(unit, { orient: 'bottom', at: 0, label: 'confidence' }),
  });
  const description = `${subtitle} ${models.map((m) => `${m.model}: ${m.bins.reduce((s, b) => s + b.count, 0)} predictions in ${m.bins.length} bins${m.ece === undefined ? '' : `, ECE ${percent(m.ece)}`}`).join('; ')}.`;

  const figure = openFrame({ ...dims, description, document: options.document });
  models.forEach((m, i) => drawReliability(figure.root, m, dims.panels[i], countScale.domain()));
  return serializeFigure(figure, options);
}

/** One model's panel: heading, accuracy axis, bars with their gaps, diagonal, outline; then the count strip. */
function drawReliability(root: Group, m: ReliabilityModel, r: Rect, countDomain: number[]): void {
  const sx = scaleLinear()
    .domain([0, 1])
    .range([r.x, r.x + r.width]);
  const sy = scaleLinear()
    .domain([0, 1])
    .range([r.y + r.height, r.y]);
  const g = root.append<SVGElement>('g').attr('class', 'panel');
  drawPanelTitle(g, r, m.ece === undefined ? m.model : `${m.model} (ECE ${percent(m.ece)})`);
  drawAxis(g, sy, { orient: 'left', at: r.x, label: 'accuracy', grid: r.width });
  const bars = g.append<SVGElement>('g').attr('stroke', '#ffffff').attr('stroke-width', '0.5');
  const gaps = g.append<SVGElement>('g').attr('fill', gapFill).attr('stroke', gapColor).attr('stroke-width', '1');
  const caps = g.append<SVGElement>('g').attr('stroke', seriesColor(0)).attr('stroke-width', '2');
  for (const b of m.bins) {
    if (b.count === 0) continue;
    const x0 = sx(b.lower),
      x1 = sx(b.upper);
    const hi = Math.max(b.accuracy, b.confidence),
      lo = Math.min(b.accuracy, b.confidence);
    appendRect(bars, x0, sy(b.accuracy), x1 - x0, sy(0) - sy(b.accuracy)).attr('fill', seriesColor(0));
    appendRect(gaps, x0, sy(hi), x1 - x0, sy(lo) - sy(hi));
    // Underconfident: the gap covers the bar's top, so a line in the bar's colour keeps its height readable.
    if (b.accuracy > b.confidence) appendLine(caps, x0, x1, sy(b.accuracy), sy(b.accuracy));
  }
  g.append('line')
    .attr('x1', num(sx(0)))
    .attr('y1', num(sy(0)))
    .attr('x2', num(sx(1)))
    .attr('y2', num(sy(1)))
    .attr('stroke', colors.diagonal)
    .attr('stroke-width', '1.5')
    .attr('stroke-dasharray', '5,4');
  drawPanelBorder(g, r, { strokeWidth: null });
  const stripTop = r.y + r.height + stripGap;
  const sc = scaleLinear()
    .domain(countDomain)
    .range([stripTop + strip, stripTop]);
  drawAxis(g, sc, { orient: 'left', at: r.x, ...countAxis, grid: r.width });
  const counts = g.append<SVGElement>('g').attr('fill', colors.mutedText);
  for (const b of m.bins)
    if (b.count > 0)
      appendRect(counts, sx(b.lower) + 0.5, sc(b.count), sx(b.upper) - sx(b.lower) - 1, sc(0) - sc(b.count));
  drawAxis(g, sx, { orient: 'bottom', at: stripTop + strip, label: 'confidence' });
}
