import { PRIMARY_STATISTICS } from './experiments/generalisation-claims.js';
import type { GeneralisationSettings } from './experiments/generalisation.js';
import { PRIMARY_CLAIMS, type PrimaryStatistic } from './experiments/generalisation-primary.js';
import { VARIANTS } from './experiments/model-parts.js';
import { fixed, percent, sig, table } from './markdown.js';
import { mean } from './over-seeds.js';
import {
  INDEPENDENT_FILE,
  INDEPENDENT_MODELS,
  type IndependentClaim,
  type IndependentInput,
  type IndependentModelRun,
  type IndependentRun,
} from './independent-run.js';
import type { Claim, ExperimentResults, ModelRun } from './results.js';

/**
 * What our models take from tfjs where PyTorch's file states its own (design.init, design.optimiser):
 * tfjs-layers' Dense defaults and tf.train.adam's default ε, which build-model.ts and train-model.ts keep.
 */
const OUR_INIT = 'Glorot-uniform weights and zero biases (tfjs Dense defaults)';
const OUR_ADAM = 'Adam ε 1e-7 (tfjs default)';

/** One side of a claim's comparison, on the file's scale: manifold mixup − reference. */
interface Side {
  mean: number;
  low: number | null;
  high: number | null;
  p: number;
  holmP: number | null;
  verdict: string;
}

/** Our claim's effect is signed (> 0: as claimed); turned back into model − reference, as PyTorch reports it. */
function ourSide(claim: Claim, alternative: 'less' | 'greater'): Side {
  const flip = alternative === 'less' ? -1 : 1;
  const bound = (x: number | null) => (x === null ? null : flip * x);
  const [low, high] =
    flip === 1 ? [claim.interval.low, claim.interval.high] : [claim.interval.high, claim.interval.low];
  return {
    mean: flip * claim.mean,
    low: bound(low),
    high: bound(high),
    p: claim.p,
    holmP: claim.holm?.adjustedP ?? null,
    verdict: claim.verdict,
  };
}

function theirSide(claim: IndependentClaim): Side {
  const [low, high] = claim.interval95;
  return { mean: claim.mean, low, high, p: claim.p, holmP: claim.holmP, verdict: claim.verdict };
}

function sideCells(side: Side | null): string[] {
  if (side === null) return ['-', '-', '-', '-'];
  const bound = (x: number | null) => (x === null ? '-' : sig(x));
  return [
    `${sig(side.mean)} [${bound(side.low)}, ${bound(side.high)}]`,
    sig(side.p),
    side.holmP === null ? '-' : sig(side.holmP),
    side.verdict,
  ];
}

function claimRows(ours: ExperimentResults | undefined, run: IndependentRun) {
  return PRIMARY_CLAIMS.map((declared) => {
    const mine = ours?.claims.find((c) => c.id === declared.id);
    const theirs = run.claims.claims.find((c) => c.id === declared.id) as IndependentClaim;
    const agree = mine === undefined ? null : mine.verdict === theirs.verdict;
    const difference = `${VARIANTS[declared.model].label} − ${VARIANTS[declared.reference].label} (claimed ${declared.alternative === 'less' ? '< 0' : '> 0'})`;
    return {
      declared,
      mine,
      theirs,
      agree,
      cells: [
        declared.statement,
        difference,
        ...sideCells(mine ? ourSide(mine, declared.alternative) : null),
        ...sideCells(theirSide(theirs)),
        agree === null ? '-' : agree ? 'yes' : '**no**',
      ],
    };
  });
}

/** Per model, PyTorch's statistic in its own field names (what generalisation-primary.ts defines, measured there). */
const THEIR_STATISTICS: Readonly<Record<PrimaryStatistic, (r: IndependentModelRun) => number>> = {
  'test-error': (r) => r.testError,
  'test-nll': (r) => r.testNll,
  'participation-ratio': (r) => r.participationRatio,
  'fgsm-margin-accuracy': (r) => r.fgsmMeanAccuracy,
  'deformed-accuracy': (r) => r.deformedMeanAccuracy,
};

const STATISTIC_COLUMNS: ReadonlyArray<readonly [PrimaryStatistic, string, (x: number) => string]> = [
  ['test-error', 'test error', (x) => percent(x, 2)],
  ['test-nll', 'test NLL', (x) => fixed(x, 3)],
  ['participation-ratio', 'participation ratio (h1)', (x) => fixed(x, 2)],
  ['fgsm-margin-accuracy', 'FGSM-margin accuracy (mean over ε)', (x) => percent(x, 1)],
  ['deformed-accuracy', 'deformed accuracy (mean of 8)', (x) => percent(x, 1)],
];

function modelTable(ours: ExperimentResults | undefined, run: IndependentRun): string {
  const seeds = Object.values(run.runs);
  const ourMean = (model: string, of: (r: ModelRun) => number): number | undefined => {
    const runs = ours?.models.find((m) => m.model === model)?.runs;
    if (!runs || runs.length === 0) return undefined;
    try {
      return mean(runs.map(of));
    } catch {
      return undefined; // a run without the statistic (results of an older schema): shown as '-'
    }
  };
  const rows = INDEPENDENT_MODELS.map((model) => [
    VARIANTS[model].label,
    ...STATISTIC_COLUMNS.flatMap(([statistic, , format]) => {
      const mine = ourMean(model, PRIMARY_STATISTICS[statistic]);
      return [
        mine === undefined ? '-' : format(mine),
        format(mean(seeds.map((s) => THEIR_STATISTICS[statistic](s[model])))),
      ];
    }),
  ]);
  return table(['model', ...STATISTIC_COLUMNS.flatMap(([, name]) => [`${name}: ours`, 'PyTorch'])], rows, [
    'l',
    ...STATISTIC_COLUMNS.flatMap(() => ['r', 'r'] as const),
  ]);
}

/** The settings in which our run's design departs from the file's ('' when it keeps it). */
function designDifferences(ours: ExperimentResults, run: IndependentRun): string[] {
  const s = ours.config as GeneralisationSettings;
  const d = run.design;
  const widths = [784, ...Array.from({ length: s.hiddenLayers }, () => s.width), 10];
  const list = (xs: readonly number[]) => xs.join('-');
  const found: string[] = [];
  const compare = (what: string, here: string, there: string) => {
    if (here !== there) found.push(`${what} ${here} here, ${there} there`);
  };
  compare('widths', list(widths), list(d.widths));
  compare('training images per seed', `${s.trainSize}`, `${d.trainSize}`);
  compare('epochs', `${s.training.epochs}`, `${d.epochs}`);
  compare('batch', `${s.training.batchSize}`, `${d.batch}`);
  compare('learning rate', `${s.training.learningRate}`, `${d.optimiser.lr}`);
  compare('input mixup α', `${s.inputMixupAlpha}`, `${d.variants['input-mixup'].alpha}`);
  compare('manifold mixup α', `${s.manifoldMixupAlpha}`, `${d.variants['manifold-mixup'].alpha}`);
  compare('FGSM ε', s.attackEpsilons.join(', '), d.attackEpsilons.join(', '));
  compare('test images', s.testLimit === null ? 'all' : `${s.testLimit}`, 'all');
  compare('seeds', `${ours.seeds.length}`, `${run.claims.seeds.length}`);
  return found;
}

/** Whether the verdicts agree; a disagreement is one between the implementations only when the designs match. */
function verdictSummary(rows: ReturnType<typeof claimRows>, designsDiffer: boolean): string {
  const judged = rows.filter((r) => r.agree !== null);
  if (judged.length === 0) return "Our run has no results yet: only PyTorch's verdicts are shown.";
  const disagree = judged.filter((r) => r.agree === false);
  if (disagree.length === 0) return `**The verdicts agree** on all ${judged.length} primary claims.`;
  const which = disagree
    .map((r) => `${r.declared.id} (ours ${r.mine?.verdict}, PyTorch ${r.theirs.verdict})`)
    .join('; ');
  return designsDiffer
    ? `The verdicts differ on ${disagree.length} of ${judged.length} primary claims (${which}), under different designs.`
    : `**The verdicts disagree** on ${disagree.length} of ${judged.length} primary claims: ${which}. ` +
        'The same design gives another verdict in another implementation: neither run settles these claims alone.';
}

/**
 * The README's `independent` block: our primary verdicts on the generalisation experiment beside those
 * of the independent PyTorch run of the same design (INDEPENDENT_FILE), and the per-model means behind
 * them. A function of results/generalisation.json and that file only, so --check can verify it.
 */
export function independentBlock(ours: ExperimentResults | undefined, independent: IndependentInput): string {
  if (independent.kind === 'missing')
    return `_No independent run available: \`${INDEPENDENT_FILE}\` is not in this repository (independent/README.md says how to make it)._`;
  if (independent.kind === 'unreadable')
    return `_No independent run available: the file cannot be used: ${independent.problem}_`;
  const { run } = independent;
  const rows = claimRows(ours, run);
  const d = run.design;
  const intro =
    `The same design run by an implementation that shares no code with ours (\`independent/torch/generalisation.py\`, ` +
    `PyTorch; its numbers are \`${INDEPENDENT_FILE}\`): ${run.claims.seeds.length} seeds, ${d.epochs} epochs, ` +
    `widths ${d.widths.join('-')}, the primary family judged as declared (Holm at ${run.claims.alpha}). ` +
    `The two runs share the design, not the seeds' random draws: each draws its own training subsets, ` +
    `initial weights, batch orders and mixing, so seed k here and seed k there are different runs. ` +
    `The implementations differ in initialisation (there ${d.init}; here ${OUR_INIT}) and in Adam's ε ` +
    `(there ${d.optimiser.torchDefaults}; here ${OUR_ADAM}).`;
  const differences = ours ? designDifferences(ours, run) : [];
  const design =
    differences.length === 0
      ? ''
      : `**This run's design differs from the PyTorch run's** (${differences.join('; ')}): ` +
        'the comparison below is not a check of these verdicts.';
  const claimTable = table(
    [
      'primary claim',
      'difference',
      'ours: mean [95% t interval]',
      'p',
      'Holm p',
      'verdict',
      'PyTorch: mean [95% t interval]',
      'p',
      'Holm p',
      'verdict',
      'verdicts agree',
    ],
    rows.map((r) => r.cells),
    ['l', 'l', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'l', 'l'],
  );
  const means =
    `Per model, the mean over seeds (ours ${ours ? `over ${ours.seeds.length}` : 'not run yet'}, ` +
    `PyTorch over ${Object.keys(run.runs).length}):`;
  return [intro, design, verdictSummary(rows, differences.length > 0), claimTable, means, modelTable(ours, run)]
    .filter((part) => part !== '')
    .join('\n\n');
}
