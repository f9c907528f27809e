import type { ModelRole } from './network.js';
import type { EpochRecord } from './run-history.js';

type Model = EpochRecord['models'][ModelRole];

interface Row {
  label: string;
  /** What Manifold Mixup is claimed to do to this number, relative to the baseline. */
  claim: string;
  value: (m: Model) => number;
  format: (v: number) => string;
}

const percent = (v: number) => `${(100 * v).toFixed(1)}%`;
const fixed = (digits: number) => (v: number) => (Number.isFinite(v) ? v.toFixed(digits) : '–');

const ROWS: Row[] = [
  {
    label: 'Map area with P(top class) < 0.9',
    claim: 'larger: a wider band of doubt around the boundary',
    value: (m) => m.lowConfidence,
    format: percent,
  },
  {
    label: 'Total variation of P(class 1)',
    claim: 'smaller: a smoother, shorter boundary',
    value: (m) => m.totalVariation,
    format: fixed(2),
  },
  {
    label: 'Test ECE (15 bins)',
    claim: 'smaller, in the mixup literature: confidence closer to accuracy',
    value: (m) => m.test.ece,
    format: percent,
  },
  { label: 'Test accuracy', claim: 'about the same', value: (m) => m.test.accuracy, format: percent },
  { label: 'Test loss (NLL)', claim: '', value: (m) => m.test.loss, format: fixed(3) },
  {
    label: 'Training objective',
    claim: 'higher: the mixup model is trained on mixed targets',
    value: (m) => m.objective,
    format: fixed(3),
  },
];

/** Builds the table once; `update` fills in an epoch's numbers. */
export function metricsTable(container: HTMLElement): { update(record: EpochRecord | undefined): void } {
  container.innerHTML = `<table>
    <caption></caption>
    <thead><tr><th scope="col">measure</th><th scope="col">baseline</th><th scope="col">mixup</th>
    <th scope="col">expected of mixup</th></tr></thead><tbody></tbody></table>`;
  const body = container.querySelector('tbody') as HTMLTableSectionElement;
  const caption = container.querySelector('caption') as HTMLTableCaptionElement;
  const cells = ROWS.map((row) => {
    const tr = body.insertRow();
    tr.insertCell().textContent = row.label;
    const baseline = tr.insertCell();
    const mixup = tr.insertCell();
    tr.insertCell().textContent = row.claim;
    baseline.className = 'number baseline';
    mixup.className = 'number mixup';
    return { row, baseline, mixup };
  });
  return {
    update(record) {
      caption.textContent = `Measured ${record ? `after epoch ${record.epoch}` : ''} (by @manifold-mixup/analysis)`;
      for (const { row, baseline, mixup } of cells) {
        baseline.textContent = record ? row.format(row.value(record.models.baseline)) : '–';
        mixup.textContent = record ? row.format(row.value(record.models.mixup)) : '–';
      }
    },
  };
}
