// The hidden-space panels: for each model, the training points as the chosen hidden layer sees them, in 2-D (a
// bottleneck's codes as they are, a wider layer through a projection fitted once), redrawn every few epochs by
// moving the markers. On the mixup model's panel, optionally, one mixed batch: pairs and their blends at λ.
import type { ViewSettings } from './address.js';
import type { HiddenReport } from './hidden-space.js';
import { drawPairs, PAIRS_SHOWN } from './map-overlay.js';
import type { ModelRole } from './network.js';
import { classPaths, CLASS_MARKS, svgElement } from './palette.js';
import { STALE_DEGREES } from './projection.js';
import type { RunHistory } from './run-history.js';
import { placeName } from './settings.js';

const SIZE = 240;
const PAD = 10;

/** A square view of all the points (equal scale on both axes, so shapes are not stretched). */
function squareScale(points: Float32Array): (x: number, y: number) => [number, number] {
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < points.length; i += 2) {
    [xMin, xMax] = [Math.min(xMin, points[i]), Math.max(xMax, points[i])];
    [yMin, yMax] = [Math.min(yMin, points[i + 1]), Math.max(yMax, points[i + 1])];
  }
  const half = Math.max(xMax - xMin, yMax - yMin, 1e-9) / 2;
  const [cx, cy] = [(xMin + xMax) / 2, (yMin + yMax) / 2];
  const k = (SIZE / 2 - PAD) / half;
  return (x, y) => [SIZE / 2 + (x - cx) * k, SIZE / 2 - (y - cy) * k];
}

/** What the panels show, in words: the layer, and how it is brought to 2-D. */
export function hiddenCaption(report: HiddenReport): string {
  const layer = `${placeName(report.place)}, ${report.cols} units`;
  if (report.cols === 2) return `The 2-unit bottleneck ${placeName(report.place)}: each point's code as it is.`;
  const { baseline, mixup } = report.fittedAt;
  const when = baseline === mixup ? `epoch ${baseline}` : `epochs ${baseline} and ${mixup}`;
  return (
    `${layer}, projected: across, the direction from class 0's mean to class 1's; up, the widest spread across ` +
    `it. Fitted at ${when} and kept, so what moves is the representation, not the view (fitted again when the ` +
    `classes' direction turns more than ${STALE_DEGREES}°).`
  );
}

/** The mixed batch in words: where it was mixed, and λ. */
export function batchCaption(report: HiddenReport, epoch: number): string {
  const batch = report.batch;
  if (batch == null) return 'No batch was mixed in this epoch (nothing is ticked, or the model has not trained yet).';
  let [low, high] = [Infinity, -Infinity];
  for (let i = 0; i < batch.rows; i++) {
    if (batch.partner[i] !== i) [low, high] = [Math.min(low, batch.lambda[i]), Math.max(high, batch.lambda[i])];
  }
  const lambda = low === high ? `λ = ${low.toFixed(2)}` : `λ from ${low.toFixed(2)} to ${high.toFixed(2)}`;
  const shown = Math.min(batch.rows, PAIRS_SHOWN);
  const where =
    batch.place === report.place
      ? `mixed here, at ${placeName(batch.place)}`
      : `mixed at ${placeName(batch.place)}; its pairs are drawn at ${placeName(report.place)} for comparison`;
  return `A mixed batch of epoch ${epoch} (${shown} of its ${batch.rows} pairs): ${where}, ${lambda}. Segment: a pair; ◆: its blend.`;
}

class Panel {
  /** The points of class 0 and of class 1, each one path. */
  private readonly marks: [SVGPathElement, SVGPathElement];

  constructor(
    readonly svg: SVGSVGElement,
    private readonly labels: Uint8Array,
  ) {
    // On the panels' light ground the black triangles need no white edge (it would grey them).
    this.marks = [0, 1].map((label) => {
      const { fill, stroke } = CLASS_MARKS[label];
      return svgElement('path', { class: `class-${label}`, fill, stroke: label === 1 ? 'none' : stroke });
    }) as [SVGPathElement, SVGPathElement];
    const points = svgElement('g', { class: 'points' });
    points.append(...this.marks);
    svg.replaceChildren(points);
  }

  draw(points: Float32Array, pairs: { batch: NonNullable<HiddenReport['batch']> } | null): void {
    const at = squareScale(points);
    classPaths(points, this.labels, 3, at).forEach((d, label) => this.marks[label].setAttribute('d', d));
    this.svg.querySelector('g.mixed-batch')?.remove();
    if (pairs != null) drawPairs(this.svg, pairs.batch, pairs.batch.hidden, at);
  }
}

export class HiddenView {
  private panels: Record<ModelRole, Panel> | null = null;
  private drawnRun = -1;
  private drawnReport: HiddenReport | null = null;
  private drawnPairs = false;

  constructor(
    private readonly svgs: Record<ModelRole, SVGSVGElement>,
    private readonly titles: Record<ModelRole, HTMLElement>,
    private readonly caption: HTMLElement,
    private readonly batchLine: HTMLElement,
  ) {
    for (const svg of Object.values(svgs)) svg.setAttribute('viewBox', `0 0 ${SIZE} ${SIZE}`);
  }

  draw(history: RunHistory, view: ViewSettings): void {
    const report = history.hidden;
    if (report == null || history.points == null) return;
    if (report === this.drawnReport && view.pairs === this.drawnPairs) return;
    if (this.panels == null || this.drawnRun !== history.run) {
      const labels = history.points.labels;
      this.panels = { baseline: new Panel(this.svgs.baseline, labels), mixup: new Panel(this.svgs.mixup, labels) };
      this.drawnRun = history.run;
    }
    this.drawnReport = report;
    this.drawnPairs = view.pairs;
    const batch = view.pairs && report.batch != null ? { batch: report.batch } : null;
    this.panels.baseline.draw(report.models.baseline, null);
    this.panels.mixup.draw(report.models.mixup, batch);
    for (const role of ['baseline', 'mixup'] as const) {
      const name = role === 'baseline' ? 'Baseline' : 'Mixup model';
      this.titles[role].textContent = `${name} at ${placeName(report.place)}`;
      this.svgs[role].setAttribute(
        'aria-label',
        `${name}: the ${history.points.labels.length} training points at hidden layer ${placeName(report.place)}`,
      );
    }
    this.caption.textContent = hiddenCaption(report);
    this.batchLine.textContent = view.pairs ? batchCaption(report, report.epoch) : '';
  }
}
