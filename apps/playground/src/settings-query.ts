// The training setting in the page's query string, every field written, so a link reproduces a run. What the
// address says wrongly is not swallowed: each value refused is reported, with what was expected.
import {
  ACTIVATIONS,
  ALPHA_RANGE,
  CHOICES,
  DATASETS,
  DEFAULT_NOISE,
  DEFAULTS,
  hiddenLayers,
  LAMBDA_MODES,
  MAX_ADDED,
  NOISE_RANGE,
  SEED_RANGE,
  type AddedPoint,
  type Settings,
} from './settings.js';

/** A value of the address that was not used, and why. */
export interface Refusal {
  key: string;
  value: string;
  /** What would have been accepted, and what is used instead. */
  reason: string;
}

type Refuse = (key: string, value: string, reason: string) => void;

export const SETTING_KEYS = Object.keys(DEFAULTS) as Array<keyof Settings>;
/** `added` lives in the address as `add`. */
const ADDED_KEY = 'add';
export const SETTING_PARAMETERS = SETTING_KEYS.map((k) => (k === 'added' ? ADDED_KEY : k));

function reader(q: URLSearchParams, refuse: Refuse) {
  return {
    oneOf<T extends string | number>(key: string, options: readonly T[], fallback: T): T {
      const raw = q.get(key);
      if (raw == null) return fallback;
      const found = options.find((o) => String(o) === raw || (typeof o === 'number' && Number(raw) === o));
      if (found !== undefined) return found;
      refuse(key, raw, `expected one of ${options.join(', ')}; using ${fallback}`);
      return fallback;
    },
    inRange(key: string, range: { min: number; max: number }, fallback: number, integer = false): number {
      const raw = q.get(key);
      if (raw == null) return fallback;
      const value = raw.trim() === '' ? NaN : Number(raw);
      if (value >= range.min && value <= range.max && (!integer || Number.isInteger(value))) return value;
      const kind = integer ? 'an integer' : 'a number';
      refuse(key, raw, `expected ${kind} from ${range.min} to ${range.max}; using ${fallback}`);
      return fallback;
    },
    flag(key: string, fallback: boolean): boolean {
      const raw = q.get(key);
      if (raw == null) return fallback;
      if (raw === '1' || raw === '0') return raw === '1';
      refuse(key, raw, `expected 1 or 0; using ${fallback ? 1 : 0}`);
      return fallback;
    },
  };
}

/**
 * The mixing places of a `mix` value ("1,2,3"; "" for none) in a network with `hidden` hidden layers. A value
 * that is not a list of whole numbers is refused whole (the default applies); places the network lacks are dropped.
 */
export function parseMix(value: string | null, hidden: number, fallback: readonly number[], refuse?: Refuse): number[] {
  const usable = fallback.filter((i) => i <= hidden);
  if (value == null) return usable;
  const parts = value.split(',').filter((part) => part.trim() !== '');
  if (!parts.every((part) => /^\s*\d+\s*$/.test(part))) {
    refuse?.('mix', value, `expected places 0-${hidden} separated by commas; using ${usable.join(',') || 'none'}`);
    return usable;
  }
  const places = parts.map(Number);
  const missing = places.filter((i) => i > hidden);
  if (missing.length > 0)
    refuse?.('mix', value, `no place ${missing.join(', ')} with ${hidden} hidden layers; dropped`);
  return [...new Set(places.filter((i) => i <= hidden))].sort((a, b) => a - b);
}

/** Clicked points, "x:y:class" separated by commas. */
function parseAdded(value: string | null, refuse: Refuse): AddedPoint[] {
  if (value == null || value === '') return [];
  const points: AddedPoint[] = [];
  for (const part of value.split(',')) {
    const [x, y, label, extra] = part.split(':');
    const [px, py] = [Number(x), Number(y)];
    if (extra !== undefined || !Number.isFinite(px) || !Number.isFinite(py) || (label !== '0' && label !== '1')) {
      refuse(ADDED_KEY, part, 'expected x:y:class with class 0 or 1; point dropped');
    } else if (points.length >= MAX_ADDED) {
      refuse(ADDED_KEY, part, `at most ${MAX_ADDED} added points; dropped`);
    } else points.push({ x: px, y: py, label: label === '1' ? 1 : 0 });
  }
  return points;
}

/** The setting of a query string and what it refused; a missing or refused value takes its default. */
export function readSettings(query: URLSearchParams | string): { settings: Settings; refused: Refusal[] } {
  const q = typeof query === 'string' ? new URLSearchParams(query) : query;
  const refused: Refusal[] = [];
  const refuse: Refuse = (key, value, reason) => refused.push({ key, value, reason });
  const r = reader(q, refuse);
  const data = r.oneOf('data', DATASETS, DEFAULTS.data);
  const depth = r.oneOf('depth', CHOICES.depth, DEFAULTS.depth);
  const bottleneck = r.flag('bottleneck', DEFAULTS.bottleneck);
  const settings: Settings = {
    data,
    points: r.oneOf('points', CHOICES.points, DEFAULTS.points),
    ratio: r.oneOf('ratio', CHOICES.ratio, DEFAULTS.ratio),
    noise: r.inRange('noise', NOISE_RANGE, DEFAULT_NOISE[data]),
    alpha: r.inRange('alpha', ALPHA_RANGE, DEFAULTS.alpha),
    mix: parseMix(q.get('mix'), hiddenLayers({ depth, bottleneck }), DEFAULTS.mix, refuse),
    act: r.oneOf('act', ACTIVATIONS, DEFAULTS.act),
    width: r.oneOf('width', CHOICES.width, DEFAULTS.width),
    depth,
    bottleneck,
    lr: r.oneOf('lr', CHOICES.lr, DEFAULTS.lr),
    batch: r.oneOf('batch', CHOICES.batch, DEFAULTS.batch),
    lambda: r.oneOf('lambda', LAMBDA_MODES, DEFAULTS.lambda),
    l2: r.oneOf('l2', CHOICES.l2, DEFAULTS.l2),
    dropout: r.oneOf('dropout', CHOICES.dropout, DEFAULTS.dropout),
    seed: r.inRange('seed', SEED_RANGE, DEFAULTS.seed, true),
    added: parseAdded(q.get(ADDED_KEY), refuse),
  };
  return { settings, refused };
}

export function parseSettings(query: URLSearchParams | string): Settings {
  return readSettings(query).settings;
}

/** The query string of a setting, every field written, so a link keeps meaning the same if defaults change. */
export function settingsToQuery(settings: Settings): URLSearchParams {
  const q = new URLSearchParams();
  for (const key of SETTING_KEYS) {
    const value = settings[key];
    if (key === 'added') {
      // Absent and empty mean the same (no points): written only when there are some.
      if (settings.added.length > 0) q.set(ADDED_KEY, settings.added.map((p) => `${p.x}:${p.y}:${p.label}`).join(','));
    } else if (key === 'mix') q.set(key, settings.mix.join(','));
    else q.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  return q;
}

/** A query as the address bar shows it: commas and colons left readable. */
export function readableQuery(q: URLSearchParams): string {
  return q.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
}
