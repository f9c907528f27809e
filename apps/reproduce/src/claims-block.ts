import { FAMILY_ALPHA } from './experiments/generalisation-primary.js';
import { CLAIMS_FIGURE } from './global-figures.js';
import { table } from './markdown.js';
import type { Claim, ExperimentResults } from './results.js';

/** Where the primary family and its test are declared (committed before any run judged them). */
export const PRIMARY_DECLARATION = 'apps/reproduce/src/experiments/generalisation-primary.ts';

const CLAIMS_CAPTION =
  'Claims at a glance: the paired effect of each claim per seed, its mean and 95% interval; primary claims first';

type Row = Claim & { experiment: string };

/** Numbers of a claim's effect: 3 significant digits, or percentage points for shares. */
function effectNumber(x: number | null, unit: string): string {
  if (x === null || !Number.isFinite(x)) return '-';
  if (unit === 'share of grid' || unit === 'ECE' || unit === 'accuracy') return `${(100 * x).toFixed(2)} pp`;
  const a = Math.abs(x);
  return a >= 100 ? x.toFixed(1) : a >= 0.001 || a === 0 ? x.toPrecision(3) : x.toExponential(2);
}

/** A p-value: 2 significant digits (the smallest exact p with 10 seeds is 2^-10 ≈ 0.00098). */
function pValue(p: number): string {
  return p >= 1 ? '1' : p.toPrecision(2);
}

function signed(x: number | null, format: (v: number) => string): string {
  return x === null ? '-' : `${x > 0 ? '+' : ''}${format(x)}`;
}

/** The columns both tables share: the claim, the effect and its statistics over seeds. */
function statistics(c: Row): string[] {
  return [
    c.experiment,
    c.statement,
    c.source,
    c.effect,
    effectNumber(c.mean, c.unit),
    `[${effectNumber(c.interval.low, c.unit)}, ${effectNumber(c.interval.high, c.unit)}]`,
    signed(c.dz, (v) => v.toFixed(2)),
    c.relativeChange === null ? '-' : `${signed(c.relativeChange, (v) => (100 * v).toFixed(1))}% of ${c.reference}`,
    `${c.seedsAgreeing}/${c.perSeed.length}`,
    pValue(c.p),
  ];
}

const HEADER = [
  'experiment',
  'claim',
  'source',
  'effect (> 0: as claimed)',
  'mean difference',
  '95% interval',
  'd_z',
  'relative change (> 0: as claimed)',
  'seeds agreeing',
];
const ALIGN = ['l', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'] as const;

function counts(claims: readonly Row[]): string {
  const n = (v: string) => claims.filter((c) => c.verdict === v).length;
  return `${n('supported')} supported, ${n('contradicted')} contradicted, ${n('inconclusive')} inconclusive`;
}

/**
 * The README's claims block: the headline counting primary and exploratory claims apart, the primary
 * table (Holm-adjusted), the exploratory table (unadjusted, interval verdicts) and the claims figure.
 */
export function claimsBlock(all: readonly ExperimentResults[]): string {
  if (all.length === 0) return '_No results yet._';
  const claims: Row[] = all.flatMap((r) => r.claims.map((c) => ({ experiment: r.experiment, ...c })));
  const primary = claims.filter((c) => c.primary);
  const exploratory = claims.filter((c) => !c.primary);
  const seeds = [...new Set(all.map((r) => r.seeds.length))].sort((a, b) => a - b);
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const headline =
    `Profile \`${all[0].profile}\`, ${seeds.join(' or ')} seed${seeds.at(-1) === 1 ? '' : 's'} per experiment. ` +
    (primary.length > 0
      ? `**Primary** (${plural(primary.length, 'claim')} of the paper, declared before the run, Holm over the family ` +
        `at α = ${FAMILY_ALPHA}): ${counts(primary)}. `
      : '**Primary**: none in these results (the generalisation experiment judges them). ') +
    `**Exploratory** (${plural(exploratory.length, 'claim')}, unadjusted, interval verdicts, not evidence): ` +
    `${counts(exploratory)}.`;
  const primaryTable =
    primary.length === 0
      ? ''
      : `**Primary claims** (declared in \`${PRIMARY_DECLARATION}\`; exact one-sided sign-flip p over the seeds, ` +
        `Holm-adjusted over the ${plural(primary.length, 'claim')}; supported: Holm p ≤ ${FAMILY_ALPHA} in the ` +
        'claimed direction, contradicted: the same in the opposite direction):\n\n' +
        table(
          [...HEADER, 'p', 'Holm p', 'verdict'],
          primary.map((c) => [...statistics(c), c.holm ? pValue(c.holm.adjustedP) : '-', `**${c.verdict}**`]),
          [...ALIGN],
        ) +
        '\n\n';
  const exploratoryTable =
    '**Exploratory claims** (the seed’s pictured claims, calibration, Corollary 1’s direction, the masked FGSM; ' +
    'p unadjusted; verdict from the 95% interval alone, as a description, not evidence):\n\n' +
    table(
      [...HEADER, 'p (unadjusted)', 'verdict (exploratory)'],
      exploratory.map((c) => [...statistics(c), `_${c.verdict}_`]),
      ALIGN.filter((_, i) => i !== 10),
    );
  const figure = `![${CLAIMS_CAPTION}](figures/${CLAIMS_FIGURE})\n\n*${CLAIMS_CAPTION}*`;
  return `${headline}\n\n${primaryTable}${exploratoryTable}\n\n${figure}`;
}
