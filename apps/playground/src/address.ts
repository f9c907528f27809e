// The whole address: the training setting (settings-query.ts), then what the page shows, which changes nothing
// in training (written only when not the default, to keep links short). Parameters the page does not know are
// reported like refused values, so a mistyped name is not silently ignored.
import { readableQuery, readSettings, SETTING_PARAMETERS, settingsToQuery, type Refusal } from './settings-query.js';
import { bottleneckPlace, hiddenLayers, type Settings } from './settings.js';

export interface ViewSettings {
  /** Draw the test points on the maps. */
  test: boolean;
  /** Colour each map by the predicted class only (P above or below 0.5). */
  discrete: boolean;
  /** Overlay one mixed batch: the pairs, and their blends at λ. */
  pairs: boolean;
  /** The place shown in the hidden-space panels; null: the bottleneck, else the last hidden layer. */
  layer: number | null;
  /** Playing stops when this epoch is reached; null: never. */
  stop: number | null;
}

export const VIEW_DEFAULTS: ViewSettings = { test: false, discrete: false, pairs: false, layer: null, stop: null };
export const STOP_RANGE = { min: 1, max: 1_000_000 } as const;
const FLAGS = ['test', 'discrete', 'pairs'] as const;

export interface Address {
  settings: Settings;
  view: ViewSettings;
  refused: Refusal[];
}

function readView(q: URLSearchParams, refused: Refusal[]): ViewSettings {
  const view = { ...VIEW_DEFAULTS };
  for (const key of FLAGS) {
    const raw = q.get(key);
    if (raw === '1' || raw === '0') view[key] = raw === '1';
    else if (raw != null) refused.push({ key, value: raw, reason: 'expected 1 or 0; using 0' });
  }
  const counted = (key: 'layer' | 'stop', min: number, max: number): number | null => {
    const raw = q.get(key);
    if (raw == null || raw === '') return null;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    refused.push({ key, value: raw, reason: `expected a whole number from ${min} to ${max}; ignored` });
    return null;
  };
  view.stop = counted('stop', STOP_RANGE.min, STOP_RANGE.max);
  view.layer = counted('layer', 1, 7);
  return view;
}

export function readAddress(query: string): Address {
  const q = new URLSearchParams(query);
  const { settings, refused } = readSettings(q);
  const view = readView(q, refused);
  const known = new Set<string>([...SETTING_PARAMETERS, ...Object.keys(VIEW_DEFAULTS)]);
  for (const [key, value] of q) {
    if (!known.has(key)) refused.push({ key, value, reason: 'not a setting of this page; ignored' });
  }
  return { settings, view, refused };
}

export function writeAddress(settings: Settings, view: ViewSettings): string {
  const q = settingsToQuery(settings);
  for (const key of FLAGS) if (view[key]) q.set(key, '1');
  if (view.layer != null) q.set('layer', String(view.layer));
  if (view.stop != null) q.set('stop', String(view.stop));
  return readableQuery(q);
}

/** One line for the notice under the toolbar. */
export function describeRefusals(refused: readonly Refusal[]): string {
  return refused.map((r) => `${r.key}=${r.value}: ${r.reason}`).join('; ');
}

/** The place the hidden-space panels show: the one asked for if the network has it, else the bottleneck or the last. */
export function shownPlace(settings: Settings, view: ViewSettings): number {
  const hidden = hiddenLayers(settings);
  return view.layer != null && view.layer <= hidden ? view.layer : (bottleneckPlace(settings) ?? hidden);
}
