import { drawNetwork } from './network-view.js';
import {
  ALPHA_RANGE,
  CHOICES,
  DATASETS,
  DEFAULT_NOISE,
  LAMBDA_MODES,
  NOISE_RANGE,
  SEED_RANGE,
  type Settings,
} from './settings.js';

type Key = Exclude<keyof Settings, 'mix'>;
interface SelectControl {
  kind: 'select';
  key: Key;
  label: string;
  options: ReadonlyArray<{ value: string; text: string }>;
}
interface NumberControl {
  kind: 'number';
  key: Key;
  label: string;
  range: { min: number; max: number };
  step: string;
}
type Control = SelectControl | NumberControl;

const NAMES: Record<(typeof DATASETS)[number], string> = {
  spirals: 'two spirals',
  moons: 'two moons',
  circles: 'two circles',
  xor: 'XOR quadrants',
};
const options = (values: readonly number[], text = String) => values.map((v) => ({ value: String(v), text: text(v) }));

// Grouped as the page shows them; the network's mixing checkboxes sit in the "network" group.
const GROUPS: Array<{ legend: string; controls: Control[]; network?: true }> = [
  {
    legend: 'Data',
    controls: [
      { kind: 'select', key: 'data', label: 'data set', options: DATASETS.map((d) => ({ value: d, text: NAMES[d] })) },
      { kind: 'select', key: 'points', label: 'points per class', options: options(CHOICES.points) },
      { kind: 'number', key: 'noise', label: 'noise', range: NOISE_RANGE, step: '0.05' },
    ],
  },
  {
    legend: 'Network (both models)',
    network: true,
    controls: [
      { kind: 'select', key: 'width', label: 'units per hidden layer', options: options(CHOICES.width) },
      { kind: 'select', key: 'depth', label: 'hidden layers', options: options(CHOICES.depth) },
    ],
  },
  {
    legend: 'Mixing (mixup model only)',
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
    legend: 'Training (both models)',
    controls: [
      { kind: 'select', key: 'lr', label: 'learning rate (Adam)', options: options(CHOICES.lr) },
      { kind: 'select', key: 'batch', label: 'batch size', options: options(CHOICES.batch) },
      { kind: 'number', key: 'seed', label: 'seed', range: SEED_RANGE, step: '1' },
    ],
  },
];

/** The setting after one control changed: a new data set brings its own noise, fewer layers fewer places. */
export function withChange(settings: Settings, key: Key, raw: string): Settings {
  const next = { ...settings, [key]: key === 'data' || key === 'lambda' ? raw : Number(raw) } as Settings;
  if (key === 'data') next.noise = DEFAULT_NOISE[next.data];
  if (key === 'depth') next.mix = settings.mix.filter((i) => i <= next.depth);
  return next;
}

function valid(control: Control, raw: string): boolean {
  if (control.kind === 'select') return control.options.some((o) => o.value === raw);
  const value = Number(raw);
  const { min, max } = control.range;
  return raw.trim() !== '' && value >= min && value <= max && (control.key !== 'seed' || Number.isInteger(value));
}

/**
 * Builds the labelled controls into `form`. Every change goes to `onChange` with the whole new setting; the
 * page then calls `show` with what it accepted, which also redraws the network.
 */
export function createControls(
  form: HTMLElement,
  onChange: (settings: Settings) => void,
): { show(settings: Settings): void } {
  let current: Settings | null = null;
  const inputs = new Map<Key, HTMLInputElement | HTMLSelectElement>();
  let network: HTMLElement | null = null;
  for (const group of GROUPS) {
    const fieldset = form.appendChild(document.createElement('fieldset'));
    fieldset.appendChild(document.createElement('legend')).textContent = group.legend;
    for (const control of group.controls) {
      const row = fieldset.appendChild(document.createElement('div'));
      row.className = 'control';
      const label = row.appendChild(document.createElement('label'));
      label.htmlFor = `control-${control.key}`;
      label.textContent = control.label;
      const input = control.kind === 'select' ? document.createElement('select') : document.createElement('input');
      if (input instanceof HTMLSelectElement && control.kind === 'select') {
        for (const o of control.options) input.add(new Option(o.text, o.value));
      } else if (input instanceof HTMLInputElement && control.kind === 'number') {
        Object.assign(input, { type: 'number', step: control.step, required: true });
        Object.assign(input, { min: String(control.range.min), max: String(control.range.max) });
      }
      input.id = `control-${control.key}`;
      input.name = control.key;
      input.addEventListener('change', () => {
        if (current == null) return;
        if (!valid(control, input.value)) input.value = String(current[control.key]);
        else onChange(withChange(current, control.key, input.value));
      });
      row.appendChild(input);
      inputs.set(control.key, input);
    }
    if (group.network) {
      network = fieldset.appendChild(document.createElement('div'));
      network.className = 'network-view';
      network.setAttribute('role', 'group');
      network.setAttribute('aria-label', 'where the mixup model may mix');
    }
  }
  return {
    show(settings) {
      current = settings;
      for (const [key, input] of inputs) input.value = String(settings[key]);
      if (network != null) drawNetwork(network, settings, (mix) => current != null && onChange({ ...current, mix }));
    },
  };
}
