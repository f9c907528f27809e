import { confidenceMaps, type ConfidenceMapPanel } from '@manifold-mixup/viz';
import type { ViewSettings } from './address.js';
import { clickToData, drawOverlays, panelFrames } from './map-overlay.js';
import type { RunHistory } from './run-history.js';
import { placeName, type Settings } from './settings.js';

/** What the mixup model does under a setting, in a few words, for its map's title. */
export function mixupTitle(settings: Settings): string {
  const { mix, alpha } = settings;
  if (mix.length === 0) return 'Mixup model, mixing nowhere (= baseline)';
  const places = mix.map(placeName).join(', ');
  const kind = mix.length === 1 && mix[0] === 0 ? 'Input mixup' : 'Manifold mixup';
  return `${kind} (α ${alpha}; ${places})`;
}

/** The baseline's title, with its regularisers when it has any. */
export function baselineTitle(settings: Settings): string {
  const extras = [
    settings.l2 > 0 ? `L2 ${settings.l2}` : '',
    settings.dropout > 0 ? `dropout ${settings.dropout}` : '',
  ];
  const named = extras.filter((e) => e !== '');
  return named.length === 0 ? 'Baseline' : `Baseline (${named.join(', ')})`;
}

const NO_POINTS = { x: new Float32Array(0), labels: new Uint8Array(0) };
const LARGEST_PANEL = 270;
/** Room kept right of a stacked map, cropped of its colour bar. */
const CROP_MARGIN = 10;
const SMALLEST_PANEL = 140;
/** Below this width the two maps stack, one figure each. */
export const NARROW = 600;

/**
 * Both confidence maps, drawn by viz's confidenceMaps in this page's document, training points on top: side by
 * side in one figure, or stacked in two on a narrow screen. Each figure is drawn at the size it is shown (panels
 * shrink to fit the column), so its text keeps viz's sizes (11 px and up) instead of being scaled down. The whole
 * figure is drawn once per run (and when the layout or the colouring changes); after that only what training
 * changes (each panel's bands and boundary line, and the description) is drawn again and swapped in: redrawing
 * hundreds of unchanged point markers every few epochs would cost the page its frame rate.
 */
export class MapsView {
  private drawn = '';
  private overlaid: unknown[] = [];
  private grid: RunHistory['grid'] = null;
  /**
   * The container's width, kept by a ResizeObserver: reading clientWidth on every draw would force the browser
   * to lay the page out in the middle of drawing it.
   */
  private width = 0;

  constructor(
    private readonly container: HTMLElement,
    onClick: (x: number, y: number) => void,
    onResize: () => void,
  ) {
    this.width = container.clientWidth;
    new ResizeObserver(([entry]) => {
      const width = Math.floor(entry.contentRect.width);
      if (width === this.width) return;
      this.width = width;
      onResize();
    }).observe(container);
    container.addEventListener('click', (event) => {
      const grid = this.grid;
      if (grid == null) return;
      for (const frame of panelFrames(container)) {
        const point = clickToData(frame, grid, event.clientX, event.clientY);
        if (point != null) onClick(...point);
      }
    });
  }

  private svgs(history: RunHistory, settings: Settings, view: ViewSettings, full: boolean, size: number): string[] {
    const { points, grid, latestMaps } = history;
    if (points == null || grid == null || latestMaps == null) return [];
    const panels: ConfidenceMapPanel[] = [
      { title: baselineTitle(settings), grid, probability: latestMaps.baseline, points: full ? points : NO_POINTS },
      { title: mixupTitle(settings), grid, probability: latestMaps.mixup, points: full ? points : NO_POINTS },
    ];
    // The page's heading and caption say what viz's title and subtitle would: no room is spent on them twice.
    // Discretized, two bands split at 0.5: the predicted class (the boundary stays smooth).
    const bands = view.discrete ? 2 : 10;
    const options = { document, title: '', subtitle: '', classNames: ['class 0', 'class 1'], panelSize: size, bands };
    if (!this.stacked) return [confidenceMaps(panels, options)];
    return panels.map((panel) => confidenceMaps([panel], options));
  }

  private get stacked(): boolean {
    return this.width < NARROW;
  }

  /**
   * Draws whole at a size that fits the container's width. Stacked, each figure is cropped at its map's right
   * edge: the colour bar would take a quarter of a phone's width, so the page shows one in HTML instead.
   */
  private drawFull(history: RunHistory, settings: Settings, view: ViewSettings): void {
    const { width, stacked } = this;
    this.container.classList.toggle('stacked', stacked);
    this.container.classList.toggle('discrete', view.discrete);
    const figureWidth = (svg: SVGSVGElement) => {
      const border = svg.querySelector('g.panel > rect[fill="none"]');
      if (!stacked || border == null) return Number(svg.getAttribute('width'));
      return Number(border.getAttribute('x')) + Number(border.getAttribute('width')) + CROP_MARGIN;
    };
    let size = LARGEST_PANEL;
    for (let attempt = 0; attempt < 2; attempt++) {
      this.container.innerHTML = this.svgs(history, settings, view, true, size).join('');
      const widest = Math.max(...[...this.container.querySelectorAll('svg')].map(figureWidth));
      if (!(widest > width)) break;
      size = Math.max(SMALLEST_PANEL, Math.floor(size - (widest - width) / (stacked ? 1 : 2)) - 1);
    }
    for (const svg of this.container.querySelectorAll('svg')) {
      const title = svg.querySelector('title');
      if (title != null)
        title.textContent = view.discrete ? 'Predicted class of each model' : 'P(class 1) of each model';
      if (!stacked) continue;
      const cropped = figureWidth(svg);
      const height = svg.getAttribute('height') ?? '0';
      svg.setAttribute('viewBox', `0 0 ${cropped} ${height}`);
      svg.setAttribute('width', String(cropped));
    }
  }

  draw(history: RunHistory, settings: Settings, view: ViewSettings): void {
    const { points, grid, latestMaps } = history;
    if (points == null || grid == null || latestMaps == null) return;
    this.grid = grid;
    const key = `${history.run}|${this.width}|${view.discrete}|${settings.l2}|${settings.dropout}`;
    if (key !== this.drawn) {
      this.drawFull(history, settings, view);
      this.drawn = key;
      this.overlaid = [];
    } else this.swapBands(history, settings, view);
    this.drawOverlay(history, view);
  }

  private swapBands(history: RunHistory, settings: Settings, view: ViewSettings): void {
    const size = Number(this.container.querySelector('g.panel > rect[fill="none"]')?.getAttribute('width'));
    const fresh = document.createElement('template');
    fresh.innerHTML = this.svgs(history, settings, view, false, size || LARGEST_PANEL).join('');
    const shown = this.container.querySelectorAll('svg');
    fresh.content.querySelectorAll('svg').forEach((svg, i) => {
      const desc = svg.querySelector('desc');
      if (desc != null) shown[i]?.querySelector('desc')?.replaceWith(desc);
    });
    const newPanels = fresh.content.querySelectorAll('g.panel');
    this.container.querySelectorAll('g.panel').forEach((panel, i) => {
      const bands = newPanels[i].querySelector('g.bands');
      if (bands == null) return;
      panel.querySelector('path.boundary')?.remove();
      panel.querySelector('g.bands')?.replaceWith(bands);
      const boundary = newPanels[i].querySelector('path.boundary');
      if (boundary != null) bands.after(boundary);
    });
  }

  /** The overlay is drawn again only when what it shows changed. */
  private drawOverlay(history: RunHistory, view: ViewSettings): void {
    const test = view.test ? history.test : null;
    const batch = view.pairs ? (history.hidden?.batch ?? null) : null;
    const inputs = [test, batch];
    if (inputs.every((v, i) => v === this.overlaid[i]) && this.container.querySelector('g.overlay') != null) return;
    this.overlaid = inputs;
    if (history.grid != null) drawOverlays(this.container, { grid: history.grid, test, batch });
  }
}
