// The settings' controls, grouped as the page shows them, and what a change does to the rest of the setting.
import {
  ACTIVATIONS,
  ALPHA_RANGE,
  CHOICES,
  DATASETS,
  DEFAULT_NOISE,
  hiddenLayers,
  LAMBDA_MODES,
  NOISE_RANGE,
  SEED_RANGE,
  type Settings,
} from './settings.js';

export type Key = Exclude<keyof Settings, 'mix' | 'added'>;
interface Base {
  key: Key;
  label: string;
}
export interface SelectControl extends Base {
  kind: 'select';
  options: ReadonlyArray<{ value: string; text: string }>;
}
export interface NumberControl extends Base {
  kind: 'number';
  range: { min: number; max: number };
  step: string;
}
export interface CheckboxControl extends Base {
  kind: 'checkbox';
}
export type Control = SelectControl | NumberControl | CheckboxControl;

/** Extra parts a group shows below its controls. */
export type Extra = 'added' | 'network' | 'beta';

const NAMES: Record<(typeof DATASETS)[number], string> = {
  spirals: 'two spirals',
  moons: 'two moons',
  circles: 'two circles',
  xor: 'XOR quadrants',
};
const options = (values: readonly number[], text: (v: number) => string = String) =>
  values.map((v) => ({ value: String(v), text: text(v) }));
const offOr = (v: number) => (v === 0 ? 'none' : String(v));

export const GROUPS: Array<{ legend: string; controls: Control[]; extra?: Extra }> = [
  {
    legend: 'Data',
    extra: 'added',
    controls: [
      { kind: 'select', key: 'data', label: 'data set', options: DATASETS.map((d) => ({ value: d, text: NAMES[d] })) },
      { kind: 'select', key: 'points', label: 'training points per class', options: options(CHOICES.points) },
      { kind: 'select', key: 'ratio', label: 'training share', options: options(CHOICES.ratio, (v) => `${v}%`) },
      { kind: 'number', key: 'noise', label: 'noise', range: NOISE_RANGE, step: '0.05' },
    ],
  },
  {
    legend: 'Network (both models)',
    extra: 'network',
    controls: [
      { kind: 'select', key: 'act', label: 'activation', options: ACTIVATIONS.map((a) => ({ value: a, text: a })) },
      { kind: 'select', key: 'width', label: 'units per hidden layer', options: options(CHOICES.width) },
      { kind: 'select', key: 'depth', label: 'hidden layers', options: options(CHOICES.depth) },
      { kind: 'checkbox', key: 'bottleneck', label: '2-unit bottleneck in the middle' },
    ],
  },
  {
    legend: 'Mixing (mixup model only)',
    extra: 'beta',
    controls: [
      { kind: 'number', key: 'alpha', label: 'α of Beta(α, α)', range: ALPHA_RANGE, step: '0.05' },
      {
        kind: 'select',
        key: 'lambda',
        label: 'λ drawn',
        options: LAMBDA_MODES.map((m) => ({ value: m, text: m === 'batch' ? 'once per batch' : 'per example' })),
      },
    ],
  },
  {
    legend: 'Regularised baseline (baseline only)',
    controls: [
      { kind: 'select', key: 'l2', label: 'L2 weight decay', options: options(CHOICES.l2, offOr) },
      { kind: 'select', key: 'dropout', label: 'dropout', options: options(CHOICES.dropout, offOr) },
    ],
  },
  {
    legend: 'Training (both models)',
    controls: [
      { kind: 'select', key: 'lr', label: 'learning rate (Adam)', options: options(CHOICES.lr) },
      { kind: 'select', key: 'batch', label: 'batch size', options: options(CHOICES.batch) },
      { kind: 'number', key: 'seed', label: 'seed', range: SEED_RANGE, step: '1' },
    ],
  },
];

/** The setting after one control changed: a new data set brings its own noise, fewer layers fewer places. */
export function withChange(settings: Settings, key: Key, raw: string | boolean): Settings {
  const text = ['data', 'lambda', 'act'].includes(key);
  const next = { ...settings, [key]: typeof raw === 'boolean' || text ? raw : Number(raw) } as Settings;
  if (key === 'data') next.noise = DEFAULT_NOISE[next.data];
  next.mix = next.mix.filter((i) => i <= hiddenLayers(next));
  return next;
}

/** Why a typed value is refused, or null when it is accepted. */
export function refusal(control: Control, raw: string): string | null {
  if (control.kind === 'checkbox') return null;
  if (control.kind === 'select') return control.options.some((o) => o.value === raw) ? null : 'not one of the choices';
  const value = Number(raw);
  const { min, max } = control.range;
  const integer = control.key === 'seed';
  if (raw.trim() !== '' && value >= min && value <= max && (!integer || Number.isInteger(value))) return null;
  return `${control.label} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`;
}
