import { select } from 'd3-selection';
import { MODEL_COLORS } from './palette.js';
import { bottleneckPlace, hiddenWidths, placeName, type Settings } from './settings.js';

const NODE_ROWS = 5;
const ROW_GAP = 16;
const TOP = 18;
const HEIGHT = TOP + NODE_ROWS * ROW_GAP + 4;

/** A hidden unit: place (≥ 1) and index. */
export interface UnitRef {
  place: number;
  index: number;
}

/**
 * The network as columns of nodes (input, the hidden layers, output) with edges between them, and under each
 * column whose values may be mixed a labelled checkbox. Mixable columns that are checked are drawn in the
 * mixup model's colour. `onToggle` receives the new list of places; `onUnit` the hidden unit pointed at or
 * focused (its first units are drawn), null when it is left.
 */
export function drawNetwork(
  container: HTMLElement,
  settings: Settings,
  onToggle: (mix: number[]) => void,
  onUnit: (unit: UnitRef | null) => void,
): void {
  const widths = hiddenWidths(settings);
  const columns = widths.length + 2;
  // As wide as the controls' column allows (about 270 px), and no wider than 52 px a column.
  const step = Math.min(52, Math.floor(270 / columns));
  const width = columns * step;
  const nodes = (c: number) => (c === 0 || c === columns - 1 ? 2 : Math.min(NODE_ROWS, widths[c - 1]));
  const nodeY = (c: number, j: number) => TOP + ROW_GAP * (j + (NODE_ROWS - nodes(c)) / 2) + ROW_GAP / 2;
  const mixed = new Set(settings.mix);
  const color = (c: number) => (mixed.has(c) ? MODEL_COLORS.mixup : '#7a7a7a');

  // Redrawing replaces the checkboxes: keep the keyboard's place on the one that was focused.
  const focused = container.contains(document.activeElement)
    ? (document.activeElement as HTMLInputElement).value
    : null;
  const root = select(container);
  root.selectAll('*').remove();
  const svg = root
    .append('svg')
    .attr('class', 'network')
    .attr('width', width)
    .attr('height', HEIGHT)
    .attr('viewBox', `0 0 ${width} ${HEIGHT}`)
    .attr('role', 'group')
    .attr('aria-label', 'the network: point at or focus a hidden unit to see what it computes');
  const edges = svg.append('g').attr('aria-hidden', 'true');
  for (let c = 0; c + 1 < columns; c++) {
    for (let a = 0; a < nodes(c); a++) {
      for (let b = 0; b < nodes(c + 1); b++) {
        edges
          .append('line')
          .attr('x1', (c + 0.5) * step)
          .attr('y1', nodeY(c, a))
          .attr('x2', (c + 1.5) * step)
          .attr('y2', nodeY(c + 1, b))
          .attr('stroke', '#c8c8c8')
          .attr('stroke-width', 0.7);
      }
    }
  }
  const code = bottleneckPlace(settings);
  for (let c = 0; c < columns; c++) {
    const hidden = c > 0 && c < columns - 1;
    const label = c === 0 ? 'input' : c === columns - 1 ? 'output' : String(widths[c - 1]);
    svg
      .append('text')
      .attr('aria-hidden', 'true')
      .attr('x', (c + 0.5) * step)
      .attr('y', 11)
      .attr('text-anchor', 'middle')
      .text(label);
    for (let j = 0; j < nodes(c); j++) {
      const node = svg
        .append('circle')
        .attr('cx', (c + 0.5) * step)
        .attr('cy', nodeY(c, j))
        .attr('r', 5)
        .attr('fill', c === code ? '#f0f0f0' : '#fff')
        .attr('stroke', color(c))
        .attr('stroke-width', mixed.has(c) ? 2.5 : 1.2);
      if (!hidden) {
        node.attr('aria-hidden', 'true');
        continue;
      }
      const unit = { place: c, index: j };
      node
        .attr('class', 'unit')
        .attr('tabindex', 0)
        .attr('role', 'img')
        .attr('aria-label', `unit ${j + 1} of ${placeName(c)}${c === code ? ' (the bottleneck)' : ''}`)
        .on('mouseenter focus', () => onUnit(unit))
        .on('mouseleave blur', () => onUnit(null));
    }
  }

  const boxes = root
    .append('div')
    .attr('class', 'mix-places')
    .style('grid-template-columns', `repeat(${columns}, ${step}px)`);
  for (let c = 0; c < columns - 1; c++) {
    const description = c === 0 ? 'mix the input (input mixup)' : `mix the output of hidden layer ${c}`;
    const label = boxes.append('label').attr('title', description);
    label
      .append('input')
      .attr('type', 'checkbox')
      .attr('name', 'mix')
      .attr('value', String(c))
      .attr('aria-label', `${placeName(c)}: ${description}`)
      .property('checked', mixed.has(c))
      .on('change', (event: Event) => {
        const on = (event.target as HTMLInputElement).checked;
        const next = new Set(settings.mix);
        if (on) next.add(c);
        else next.delete(c);
        onToggle([...next].sort((a, b) => a - b));
      });
    label.append('span').text(placeName(c));
  }
  if (focused != null) container.querySelector<HTMLInputElement>(`input[value="${focused}"]`)?.focus();
}
