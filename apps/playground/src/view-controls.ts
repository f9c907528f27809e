// The controls of what the page shows, which change nothing in training: test points, discretized output, a mixed
// batch, the hidden layer shown (and refitting its view), and the epoch at which playing stops. They are in the
// page's HTML (index.html) beside what they change; this binds them to the view settings.
import { shownPlace, STOP_RANGE, type ViewSettings } from './address.js';
import { hiddenWidths, placeName, type Settings } from './settings.js';

export interface ViewHandlers {
  onView(view: ViewSettings): void;
  onRefit(): void;
  /** A typed value was refused (null: corrected). */
  onRefuse(message: string | null): void;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function createViewControls(handlers: ViewHandlers): { show(view: ViewSettings, settings: Settings): void } {
  let current: ViewSettings | null = null;
  const flags = { test: 'view-test', discrete: 'view-discrete', pairs: 'view-pairs' } as const;
  for (const [key, id] of Object.entries(flags) as Array<[keyof typeof flags, string]>) {
    const box = byId<HTMLInputElement>(id);
    box.addEventListener('change', () => current != null && handlers.onView({ ...current, [key]: box.checked }));
  }
  const layer = byId<HTMLSelectElement>('view-layer');
  layer.addEventListener(
    'change',
    () => current != null && handlers.onView({ ...current, layer: Number(layer.value) }),
  );
  byId('refit').addEventListener('click', () => handlers.onRefit());
  const stop = byId<HTMLInputElement>('stop');
  Object.assign(stop, { min: String(STOP_RANGE.min), max: String(STOP_RANGE.max) });
  stop.addEventListener('change', () => {
    if (current == null) return;
    const raw = stop.value.trim();
    const value = Number(raw);
    const ok = raw === '' || (Number.isInteger(value) && value >= STOP_RANGE.min && value <= STOP_RANGE.max);
    stop.setAttribute('aria-invalid', String(!ok));
    if (!ok) {
      handlers.onRefuse(`stop at epoch must be a whole number from ${STOP_RANGE.min} to ${STOP_RANGE.max}, or empty.`);
      return;
    }
    handlers.onRefuse(null);
    handlers.onView({ ...current, stop: raw === '' ? null : value });
  });
  return {
    show(view, settings) {
      current = view;
      for (const [key, id] of Object.entries(flags) as Array<[keyof typeof flags, string]>)
        byId<HTMLInputElement>(id).checked = view[key];
      const widths = hiddenWidths(settings);
      layer.replaceChildren(
        ...widths.map((units, i) => new Option(`${placeName(i + 1)} (${units} units)`, String(i + 1))),
      );
      layer.value = String(shownPlace(settings, view));
      if (stop.getAttribute('aria-invalid') !== 'true') stop.value = view.stop == null ? '' : String(view.stop);
    },
  };
}
