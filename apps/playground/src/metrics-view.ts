import type { ModelRole } from './network.js';
import type { EpochRecord } from './run-history.js';

type Model = EpochRecord['models'][ModelRole];

/** How mixup is expected to move a measure against the baseline; 'same' holds within SAME_WITHIN. */
export type Expectation = 'higher' | 'lower' | 'same';

interface Row {
  label: string;
  /** One line: what the measure is (shown on hover and focus). */
  explain: string;
  /** What Manifold Mixup is claimed to do to this number, relative to the baseline. */
  claim: string;
  expect: Expectation;
  value: (m: Model) => number;
  format: (v: number) => string;
}

/** "About the same" for accuracy: within 2 percentage points. */
export const SAME_WITHIN = 0.02;

const percent = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '–');
const fixed = (digits: number) => (v: number) => (Number.isFinite(v) ? v.toFixed(digits) : '–');

const ROWS: Row[] = [
  {
    label: 'Map area with P(top class) < 0.9',
    explain: 'The share of the map where the likelier class gets under 90%: the band of doubt.',
    claim: 'larger: a wider band of doubt around the boundary',
    expect: 'higher',
    value: (m) => m.lowConfidence,
    format: percent,
  },
  {
    label: 'Total variation of P(class 1)',
    explain: 'How much P(class 1) changes across the map, summed over its cells: long or jagged boundaries score high.',
    claim: 'smaller: a smoother, shorter boundary',
    expect: 'lower',
    value: (m) => m.totalVariation,
    format: fixed(2),
  },
  {
    label: 'Test ECE (15 bins)',
    explain: 'Expected calibration error: the gap between confidence and accuracy on the test points, over 15 bins.',
    claim: 'smaller, in the mixup literature: confidence closer to accuracy',
    expect: 'lower',
    value: (m) => m.test.ece,
    format: percent,
  },
  {
    label: 'Test accuracy',
    explain: 'The share of test points whose likelier class is their true class.',
    claim: `about the same (within ${100 * SAME_WITHIN} points)`,
    expect: 'same',
    value: (m) => m.test.accuracy,
    format: percent,
  },
  {
    label: 'Test loss (NLL)',
    explain:
      'Negative log-likelihood: the mean of −ln P(true class) over the test points; confident mistakes cost most.',
    claim: 'smaller (the paper’s section 5.1)',
    expect: 'lower',
    value: (m) => m.test.loss,
    format: fixed(3),
  },
  {
    label: 'Training objective',
    explain: 'What each model minimised this epoch: cross-entropy against its targets (mixed ones for mixup).',
    claim: 'higher: the mixup model is trained on mixed targets',
    expect: 'higher',
    value: (m) => m.objective,
    format: fixed(3),
  },
];

/** Whether `mixup` is where the claim puts it against `baseline`; null when either is missing. */
export function holds(expect: Expectation, baseline: number, mixup: number): boolean | null {
  if (!Number.isFinite(baseline) || !Number.isFinite(mixup)) return null;
  if (expect === 'same') return Math.abs(mixup - baseline) <= SAME_WITHIN;
  return expect === 'higher' ? mixup > baseline : mixup < baseline;
}

/** Builds the table once; `update` fills in an epoch's numbers and marks each claim as holding or not, live. */
export function metricsTable(container: HTMLElement): { update(record: EpochRecord | undefined): void } {
  container.innerHTML = `<table>
    <caption></caption>
    <thead><tr><th scope="col">measure</th><th scope="col">baseline</th><th scope="col">mixup</th>
    <th scope="col">expected of mixup</th><th scope="col">now</th></tr></thead><tbody></tbody></table>`;
  const body = container.querySelector('tbody') as HTMLTableSectionElement;
  const caption = container.querySelector('caption') as HTMLTableCaptionElement;
  const cells = ROWS.map((row, i) => {
    const tr = body.insertRow();
    const name = tr.appendChild(document.createElement('th'));
    name.scope = 'row';
    const term = name.appendChild(document.createElement('span'));
    term.className = 'term';
    term.tabIndex = 0;
    term.textContent = row.label;
    term.setAttribute('aria-describedby', `explain-${i}`);
    const tip = name.appendChild(document.createElement('span'));
    tip.id = `explain-${i}`;
    tip.className = 'tip';
    tip.setAttribute('role', 'tooltip');
    tip.textContent = row.explain;
    const baseline = tr.insertCell();
    const mixup = tr.insertCell();
    tr.insertCell().textContent = row.claim;
    const mark = tr.insertCell();
    baseline.className = 'number baseline';
    mixup.className = 'number mixup';
    mark.className = 'mark';
    return { row, baseline, mixup, mark };
  });
  return {
    update(record) {
      caption.textContent = `Measured ${record ? `after epoch ${record.epoch}` : ''} (by @manifold-mixup/analysis)`;
      for (const { row, baseline, mixup, mark } of cells) {
        const [b, m] = record ? [row.value(record.models.baseline), row.value(record.models.mixup)] : [NaN, NaN];
        baseline.textContent = record ? row.format(b) : '–';
        mixup.textContent = record ? row.format(m) : '–';
        // Untrained, both models are the same network: nothing to judge yet.
        const verdict = record != null && record.epoch > 0 ? holds(row.expect, b, m) : null;
        mark.textContent = verdict == null ? '–' : verdict ? '✓ holds' : '✗ not now';
        mark.dataset.holds = verdict == null ? '' : String(verdict);
      }
    },
  };
}
