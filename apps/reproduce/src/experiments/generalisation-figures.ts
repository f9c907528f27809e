import { intervalSeries } from '../common-figures.js';
import type { FigureSpec } from '../figure-spec.js';
import type { ExperimentResults, HistoryRecord, ModelRun } from '../results.js';

const seedsText = (n: number) => `mean over ${n} seed${n === 1 ? '' : 's'}; band: 95% interval`;

/** A per-epoch test curve per model (fit validates on the test set in this experiment). */
function epochFigure(
  results: ExperimentResults,
  title: string,
  what: { file: string; name: string; of: (h: HistoryRecord) => number },
): FigureSpec {
  const n = results.seeds.length;
  return {
    name: `${results.experiment}-${what.file}.svg`,
    caption: `${title}: ${what.name} on the test set after each epoch (${seedsText(n)})`,
    kind: 'intervalCurves',
    data: results.models.map((m) =>
      intervalSeries(
        m.label,
        m.runs[0].history.map((h) => h.epoch),
        (k) => m.runs.map((r) => what.of(r.history[k])),
      ),
    ),
    options: { title: `${title}: ${what.name} per epoch`, xLabel: 'epoch', yLabel: what.name },
  };
}

const attacksOf = (r: ModelRun) => {
  if (!r.attacks) throw new Error(`seed ${r.seed}: no attack accuracies`);
  return r.attacks;
};

/** Accuracy against ε under one margin-loss attack (FGSM or PGD-10), per model. */
function attackFigure(results: ExperimentResults, title: string, attack: 'fgsm' | 'pgd'): FigureSpec {
  const n = results.seeds.length;
  const points = attacksOf(results.models[0].runs[0])[attack];
  const name = attack === 'fgsm' ? 'FGSM' : 'PGD-10';
  const how = attack === 'fgsm' ? 'FGSM' : 'PGD-10 with a random start (step 2.5·ε/10)';
  return {
    name: `${results.experiment}-${attack}.svg`,
    caption:
      `${title}: test accuracy under margin-loss ${how} against ε, on ${points[0].n} test images ` +
      `(${seedsText(n)})`,
    kind: 'intervalCurves',
    data: results.models.map((m) =>
      intervalSeries(
        m.label,
        points.map((p) => p.epsilon),
        (e) => m.runs.map((r) => attacksOf(r)[attack][e].accuracy),
      ),
    ),
    options: {
      title: `${title}: accuracy under ${name}`,
      xLabel: 'ε (pixels in [0, 1])',
      yLabel: 'test accuracy',
      yDomain: [0, 1],
    },
  };
}

/** Accuracy on each deformed test set per model: bars are means over seeds, dots single seeds. */
function deformationFigure(results: ExperimentResults, title: string): FigureSpec {
  const deformed = (r: ModelRun) => {
    if (!r.deformations) throw new Error(`seed ${r.seed}: no deformed-set accuracies`);
    return r.deformations;
  };
  const names = deformed(results.models[0].runs[0]).map((d) => d.name);
  return {
    name: `${results.experiment}-deformations.svg`,
    caption:
      `${title}: test accuracy on deformed test sets (rotation and shear by a uniform angle in ±the degrees ` +
      `named, zoom by the factor named; bars: mean over ${results.seeds.length} seeds; dots: single seeds)`,
    kind: 'groupedBarChart',
    data: {
      groups: names,
      series: results.models.map((m) => {
        const points = names.map((_, g) => m.runs.map((r) => deformed(r)[g].accuracy));
        return { name: m.label, values: points.map((p) => p.reduce((a, b) => a + b, 0) / p.length), points };
      }),
    },
    options: { title: `${title}: accuracy on deformed test images`, yLabel: 'test accuracy' },
  };
}

/** The experiment's figures over every seed: the test curves, the two attacks and the deformations. */
export function generalisationFigures(results: ExperimentResults, title: string): FigureSpec[] {
  return [
    epochFigure(results, title, { file: 'test-nll', name: 'test NLL', of: (h) => h.valLoss ?? Number.NaN }),
    epochFigure(results, title, {
      file: 'test-error',
      name: 'test error',
      of: (h) => 1 - (h.valAccuracy ?? Number.NaN),
    }),
    attackFigure(results, title, 'fgsm'),
    attackFigure(results, title, 'pgd'),
    deformationFigure(results, title),
  ];
}
