import { fixed, sig, table } from '../markdown.js';
import { fix, mean, overSeeds, pct } from '../over-seeds.js';
import type { Claim, ExperimentResults, ModelRun } from '../results.js';
import { PRIMARY_STATISTICS } from './generalisation-claims.js';

/** §3.2's table, "at the first hidden layer" of an MNIST MLP (arXiv:1806.05236v7): largest σ / sum of the others. */
const SECTION_32: ReadonlyArray<readonly [string, number, number]> = [
  ['baseline', 51.73, 78.67],
  ['input mixup', 33.46, 66.89],
  ['manifold mixup', 31.65, 40.98],
];

/** Per model, the primary statistics and the exploratory attack means (mean ± 95% half-width over seeds). */
function summaryTable(results: ExperimentResults): string {
  const optional = (f: (r: ModelRun) => number) => (r: ModelRun) => {
    try {
      return f(r);
    } catch {
      return undefined;
    }
  };
  const pgd = (r: ModelRun) => (r.attacks ? mean(r.attacks.pgd.map((p) => p.accuracy)) : undefined);
  const transfer = (r: ModelRun) => (r.transfer ? mean(r.transfer.map((p) => p.accuracy)) : undefined);
  return table(
    [
      'model',
      'test error',
      'test NLL',
      'participation ratio (h1)',
      'FGSM accuracy (mean over ε)',
      'PGD-10 accuracy (mean over ε)',
      'transferred FGSM accuracy',
      'deformed accuracy (mean of 8)',
    ],
    results.models.map((m) => [
      m.label,
      overSeeds(m.runs, optional(PRIMARY_STATISTICS['test-error']), pct(2)),
      overSeeds(m.runs, optional(PRIMARY_STATISTICS['test-nll']), fix(3)),
      overSeeds(m.runs, optional(PRIMARY_STATISTICS['participation-ratio']), fix(2)),
      overSeeds(m.runs, optional(PRIMARY_STATISTICS['fgsm-margin-accuracy']), pct(1)),
      overSeeds(m.runs, pgd, pct(1)),
      overSeeds(m.runs, transfer, pct(1)),
      overSeeds(m.runs, optional(PRIMARY_STATISTICS['deformed-accuracy']), pct(1)),
    ]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

/** Per claim: mean paired difference, 95% t interval, d_z, relative change, seeds agreeing, exact one-sided p. */
function claimTable(claims: readonly Claim[]): string {
  // judgeClaim (claims.ts) stored d_z, the relative change and the exact p with each claim.
  const rows = claims.map((c) => {
    const bound = (x: number | null) => (x === null ? '-' : sig(x));
    return [
      `${c.primary ? '**primary**' : 'exploratory'}: ${c.statement}`,
      c.effect,
      `${sig(c.mean)} [${bound(c.interval.low)}, ${bound(c.interval.high)}]`,
      fixed(c.dz ?? undefined, 2),
      c.relativeChange === null ? '-' : `${(100 * c.relativeChange).toFixed(1)}%`,
      `${c.seedsAgreeing}/${c.perSeed.length}`,
      sig(c.p),
    ];
  });
  return table(
    [
      'claim',
      'effect (> 0: as claimed)',
      'mean [95% t interval]',
      'd_z',
      'relative change',
      'seeds agreeing',
      'exact p',
    ],
    rows,
    ['l', 'l', 'r', 'r', 'r', 'r', 'r'],
  );
}

/** Accuracy per ε under each attack, with the zero-gradient shares (the same at every ε). */
function attackTable(results: ExperimentResults): string {
  const first = results.models[0].runs[0].attacks;
  if (!first) return '';
  const rows = results.models.flatMap((m) =>
    (['fgsm', 'pgd'] as const).map((attack) => [
      m.label,
      attack === 'fgsm' ? `FGSM (${first.fgsm[0].n} images)` : `PGD-10 (${first.pgd[0].n} images)`,
      ...first[attack].map((_, e) => overSeeds(m.runs, (r) => r.attacks?.[attack][e].accuracy, pct(1))),
      overSeeds(m.runs, (r) => r.attacks?.[attack][0].zeroGradientShare.margin, pct(2)),
      overSeeds(m.runs, (r) => r.attacks?.[attack][0].zeroGradientShare.crossEntropy, pct(2)),
    ]),
  );
  return table(
    [
      'model',
      'attack (margin loss)',
      ...first.fgsm.map((p) => `ε = ${p.epsilon}`),
      'zero margin gradient',
      'zero cross-entropy gradient',
    ],
    rows,
    ['l', 'l', ...first.fgsm.map(() => 'r' as const), 'r', 'r'],
  );
}

/** Accuracy per deformed test set. */
function deformationTable(results: ExperimentResults): string {
  const first = results.models[0].runs[0].deformations;
  if (!first) return '';
  return table(
    ['model', ...first.map((d) => d.name)],
    results.models.map((m) => [
      m.label,
      ...first.map((_, g) => overSeeds(m.runs, (r) => r.deformations?.[g].accuracy, pct(1))),
    ]),
    ['l', ...first.map(() => 'r' as const)],
  );
}

/** §3.2's numbers at the first hidden layer beside ours (descriptive: a different MLP, data and budget). */
function flatteningTable(results: ExperimentResults): string {
  const f = (r: ModelRun) => r.analysis.flattening;
  return table(
    [
      'model',
      'largest σ (uncentred)',
      'sum of the others (uncentred)',
      'largest σ (centred)',
      'sum of the others (centred)',
      'paper §3.2 (largest / sum of others)',
    ],
    results.models.map((m) => {
      const paper = SECTION_32.find(([label]) => label === m.label);
      return [
        m.label,
        overSeeds(m.runs, (r) => f(r)?.uncentred.largest, sig),
        overSeeds(m.runs, (r) => f(r)?.uncentred.sumOfOthers, sig),
        overSeeds(m.runs, (r) => f(r)?.centred.largest, sig),
        overSeeds(m.runs, (r) => f(r)?.centred.sumOfOthers, sig),
        paper ? `${paper[1]} / ${paper[2]}` : '-',
      ];
    }),
    ['l', 'r', 'r', 'r', 'r', 'r'],
  );
}

/** The README block's statistics of the generalisation experiment. */
export function generalisationStatistics(results: ExperimentResults): string {
  const config = results.config as { trainSize: number; training: { epochs: number } };
  return [
    `Each seed draws its own ${config.trainSize}-image training subset; the three models of a seed share it, ` +
      `their initial weights and their batches. ${config.training.epochs} epochs of Adam at a constant rate; ` +
      'the final-epoch weights are tested. Mean ± half-width of the 95% t interval over seeds:',
    summaryTable(results),
    'The claims, paired by seed (exact p: the one-sided sign-flip test over all sign patterns, before any ' +
      "correction; the primary family's Holm-adjusted verdicts are in the claims section):",
    claimTable(results.claims),
    'Accuracy under attack (margin loss z_y − max_{j≠y} z_j; PGD with a random start and step 2.5·ε/10), with the ' +
      'share of test images whose input gradient is exactly zero (what a gradient attack cannot move):',
    attackTable(results),
    'Accuracy on deformed test sets (§5.2; each image draws its angle from a PRNG seeded by its index, so every model sees the same images):',
    deformationTable(results),
    "The first hidden layer's class spectra, raw singular values of the test images' activations (mean over " +
      "classes), beside §3.2's table. Descriptive only: the paper's MLP, data and training differ, and singular " +
      'values scale with the number of images and the layer width.',
    flatteningTable(results),
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}
