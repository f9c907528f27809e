import { drawLineChart, type LineSeries } from './line-chart.js';
import { MODEL_COLORS } from './palette.js';
import type { EpochRecord, RunHistory } from './run-history.js';

// The models' colours (palette.ts); dashed: the test set.
function series(epochs: EpochRecord[], pick: (m: EpochRecord['models']['baseline'], set: 'train' | 'test') => number) {
  const lines: LineSeries[] = [];
  for (const role of ['baseline', 'mixup'] as const) {
    for (const set of ['train', 'test'] as const) {
      lines.push({
        name: `${role} ${set}`,
        color: MODEL_COLORS[role],
        dash: set === 'test' ? '4 3' : undefined,
        values: epochs.map((e) => pick(e.models[role], set)),
      });
    }
  }
  return lines;
}

/** Loss and accuracy on the training and the test points, per epoch, for both models. */
export function drawCurves(loss: HTMLElement, accuracy: HTMLElement, history: RunHistory): void {
  const x = history.epochs.map((e) => e.epoch);
  drawLineChart(loss, {
    title: 'Loss (NLL of the true class)',
    x,
    series: series(history.epochs, (m, set) => m[set].loss),
    format: (v) => v.toFixed(2),
  });
  drawLineChart(accuracy, {
    title: 'Accuracy',
    x,
    series: series(history.epochs, (m, set) => m[set].accuracy),
    yDomain: [0, 1],
    format: (v) => v.toFixed(1),
  });
}
