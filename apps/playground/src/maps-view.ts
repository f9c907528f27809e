import { confidenceMaps, type ConfidenceMapPanel } from '@manifold-mixup/viz';
import type { RunHistory } from './run-history.js';
import type { Settings } from './settings.js';

/** What the mixup model does under a setting, in a few words, for its map's title. */
export function mixupTitle(settings: Settings): string {
  const { mix, alpha } = settings;
  if (mix.length === 0) return 'Mixup model, mixing nowhere (= baseline)';
  const places = mix.map((i) => (i === 0 ? 'input' : `h${i}`)).join(', ');
  const kind = mix.length === 1 && mix[0] === 0 ? 'Input mixup' : 'Manifold mixup';
  return `${kind} (α ${alpha}; ${places})`;
}

const NO_POINTS = { x: new Float32Array(0), labels: new Uint8Array(0) };

/**
 * Both confidence maps, drawn by viz's confidenceMaps in this page's document, training points on top.
 * The whole figure is drawn once per run; after that only what training changes (each panel's bands and
 * boundary line, and the description) is drawn again and swapped in: redrawing hundreds of unchanged point
 * markers every few epochs would cost the page its frame rate.
 */
export class MapsView {
  private drawnRun = -1;

  constructor(private readonly container: HTMLElement) {}

  draw(history: RunHistory, settings: Settings): void {
    const { points, grid, latestMaps } = history;
    if (points == null || grid == null || latestMaps == null) return;
    const full = history.run !== this.drawnRun;
    const panels: ConfidenceMapPanel[] = [
      { title: 'Baseline', grid, probability: latestMaps.baseline, points: full ? points : NO_POINTS },
      { title: mixupTitle(settings), grid, probability: latestMaps.mixup, points: full ? points : NO_POINTS },
    ];
    const svg = confidenceMaps(panels, {
      document,
      title: 'P(class 1) of each model',
      subtitle: 'Colour: the model’s P(class 1); white line: where it is 0.5; markers: the training points.',
      panelSize: 330,
      bands: 10,
    });
    if (full) {
      this.container.innerHTML = svg;
      this.drawnRun = history.run;
      return;
    }
    const fresh = document.createElement('template');
    fresh.innerHTML = svg;
    const shown = this.container.querySelector('svg');
    const desc = fresh.content.querySelector('desc');
    if (desc != null) shown?.querySelector('desc')?.replaceWith(desc);
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
}
