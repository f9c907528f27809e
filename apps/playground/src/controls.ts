// The settings form: native, labelled selects, number fields and checkboxes (control-groups.ts), the network with
// its mixing checkboxes and hoverable units, the Beta(α, α) density beside α, and the points added by clicking.
// A refused value stays in its field, marked aria-invalid, and is said (onRefuse) rather than silently undone.
import { drawBeta } from './beta-view.js';
import { GROUPS, refusal, withChange, type Control } from './control-groups.js';
import { drawNetwork, type UnitRef } from './network-view.js';
import { svgElement } from './palette.js';
import type { Settings } from './settings.js';
import { UnitView } from './unit-view.js';

export interface ControlHandlers {
  onChange(settings: Settings): void;
  /** A typed value was refused: the message says which and why (null: a refusal was corrected). */
  onRefuse(message: string | null): void;
  onUnit(unit: UnitRef | null): void;
}

export interface Controls {
  show(settings: Settings): void;
  /** The class a click on a map adds. */
  addClass(): 0 | 1;
  unitView: UnitView;
  /** Where the mixing draws of the last epoch are written. */
  draws: HTMLElement;
}

type Input = HTMLInputElement | HTMLSelectElement;

function makeInput(control: Control): Input {
  if (control.kind === 'select') {
    const select = document.createElement('select');
    for (const o of control.options) select.add(new Option(o.text, o.value));
    return select;
  }
  const input = document.createElement('input');
  if (control.kind === 'checkbox') input.type = 'checkbox';
  else {
    Object.assign(input, { type: 'number', step: control.step, required: true });
    Object.assign(input, { min: String(control.range.min), max: String(control.range.max) });
  }
  return input;
}

function addedRow(fieldset: HTMLElement, onClear: () => void): { select: HTMLSelectElement; clear: HTMLButtonElement } {
  const row = fieldset.appendChild(document.createElement('div'));
  row.className = 'control';
  row.innerHTML =
    '<label for="add-class">a click on a map adds</label><select id="add-class">' +
    '<option value="0">class 0 (○)</option><option value="1">class 1 (▲)</option></select>';
  const clear = fieldset.appendChild(document.createElement('button'));
  clear.type = 'button';
  clear.id = 'clear-added';
  clear.addEventListener('click', onClear);
  return { select: row.querySelector('select') as HTMLSelectElement, clear };
}

export function createControls(form: HTMLElement, handlers: ControlHandlers): Controls {
  let current: Settings | null = null;
  const inputs = new Map<Control['key'], Input>();
  const parts = {} as Record<'network' | 'draws' | 'unit', HTMLElement>;
  const refused = new Set<string>();
  let added: ReturnType<typeof addedRow> | null = null;
  const beta = svgElement('svg', { class: 'beta' });
  for (const group of GROUPS) {
    const fieldset = form.appendChild(document.createElement('fieldset'));
    fieldset.appendChild(document.createElement('legend')).textContent = group.legend;
    for (const control of group.controls) {
      const row = fieldset.appendChild(document.createElement('div'));
      row.className = `control ${control.kind}`;
      const label = row.appendChild(document.createElement('label'));
      label.htmlFor = `control-${control.key}`;
      label.textContent = control.label;
      const input = makeInput(control);
      input.id = `control-${control.key}`;
      input.name = control.key;
      input.addEventListener('change', () => {
        if (current == null) return;
        const raw = input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : input.value;
        const why = typeof raw === 'string' ? refusal(control, raw) : null;
        input.setAttribute('aria-invalid', String(why != null));
        if (why != null) {
          refused.add(control.key);
          handlers.onRefuse(`${why}; still ${current[control.key]}.`);
          return;
        }
        if (refused.delete(control.key) && refused.size === 0) handlers.onRefuse(null);
        handlers.onChange(withChange(current, control.key, raw));
      });
      if (control.key === 'alpha') {
        // The density follows what is typed, before it is committed.
        input.addEventListener('input', () => {
          if (refusal(control, input.value) == null) drawBeta(beta, Number(input.value));
        });
      }
      row.appendChild(input);
      inputs.set(control.key, input);
    }
    if (group.extra === 'beta') fieldset.appendChild(beta);
    if (group.extra === 'added')
      added = addedRow(fieldset, () => current != null && handlers.onChange({ ...current, added: [] }));
    if (group.extra === 'network') {
      parts.network = fieldset.appendChild(document.createElement('div'));
      parts.network.className = 'network-view';
      parts.network.setAttribute('role', 'group');
      parts.network.setAttribute('aria-label', 'where the mixup model may mix');
      parts.draws = fieldset.appendChild(document.createElement('p'));
      parts.draws.className = 'draws';
      parts.draws.id = 'draws';
      parts.unit = fieldset.appendChild(document.createElement('div'));
      parts.unit.className = 'unit-view';
    }
  }
  const unitView = new UnitView(parts.unit);
  return {
    unitView,
    draws: parts.draws,
    addClass: () => (added?.select.value === '1' ? 1 : 0),
    show(settings) {
      current = settings;
      for (const [key, input] of inputs) {
        if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = Boolean(settings[key]);
        else input.value = String(settings[key]);
        input.setAttribute('aria-invalid', 'false');
      }
      if (refused.size > 0) handlers.onRefuse(null);
      refused.clear();
      drawBeta(beta, settings.alpha);
      if (added != null) {
        added.clear.textContent = `remove the ${settings.added.length} added points`;
        added.clear.disabled = settings.added.length === 0;
      }
      const toggle = (mix: number[]) => current != null && handlers.onChange({ ...current, mix });
      drawNetwork(parts.network, settings, toggle, handlers.onUnit);
    },
  };
}
