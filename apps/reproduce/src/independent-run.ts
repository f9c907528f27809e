import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PRIMARY_CLAIMS } from './experiments/generalisation-primary.js';
import { FileFormatError } from './file-format-error.js';
import { array, number, object, oneOf, record, requireShape, show, string } from './json-shape.js';
import { readBoundedJson } from './read-bounded.js';
import { REPO_ROOT } from './repo-root.js';
import type { Verdict } from './results.js';

/**
 * The independent PyTorch run of the generalisation experiment (independent/README.md), committed beside
 * the code: the file, relative to the repository root, that the README's `independent` block compares
 * with our results/generalisation.json.
 */
export const INDEPENDENT_FILE = 'independent/torch/results/generalisation-torch.json';

/** The committed file is about 80 kB (10 seeds x 3 models); anything near this limit is not it. */
const MAX_INDEPENDENT_BYTES = 16 * 1024 * 1024;

export const INDEPENDENT_MODELS = ['baseline', 'input-mixup', 'manifold-mixup'] as const;
export type IndependentModel = (typeof INDEPENDENT_MODELS)[number];

/** The per-model statistics the block reads (the file holds more: per-ε and per-set accuracies, timings). */
export interface IndependentModelRun {
  testError: number;
  testNll: number;
  participationRatio: number;
  fgsmMeanAccuracy: number;
  deformedMeanAccuracy: number;
}

/** One claim as the PyTorch run judged it: mean and interval of model − reference (not signed by the claim). */
export interface IndependentClaim {
  id: string;
  statistic: string;
  reference: string;
  alternative: 'less' | 'greater';
  n: number;
  mean: number;
  interval95: [number, number];
  p: number;
  holmP: number;
  verdict: Verdict;
}

export interface IndependentRun {
  design: {
    widths: number[];
    init: string;
    variants: Record<'input-mixup' | 'manifold-mixup', { alpha: number; places: string[] }>;
    trainSize: number;
    batch: number;
    optimiser: { name: string; lr: number; torchDefaults: string };
    epochs: number;
    attackEpsilons: number[];
    deformations: { rotationDegrees: number[]; shearDegrees: number[]; zoomFactors: number[] };
  };
  /** By seed (as a decimal string), then by model. */
  runs: Record<string, Record<IndependentModel, IndependentModelRun>>;
  claims: { alpha: number; seeds: number[]; claims: IndependentClaim[] };
}

/** What the block is rendered from: the run, or why there is none. */
export type IndependentInput =
  { kind: 'run'; run: IndependentRun } | { kind: 'missing' } | { kind: 'unreadable'; problem: string };

const share = number({ min: 0, max: 1 });
const numbers = array(number());
const mixing = object({ alpha: number({ min: 0 }), places: array(string()) });

const MODEL_RUN = object({
  testError: share,
  testNll: number({ min: 0 }),
  participationRatio: number({ min: 0 }),
  fgsmMeanAccuracy: share,
  deformedMeanAccuracy: share,
});

const SHAPE = object({
  design: object({
    widths: array(number({ min: 1, integer: true }), { min: 2 }),
    init: string(),
    variants: object({ 'input-mixup': mixing, 'manifold-mixup': mixing }),
    trainSize: number({ min: 1, integer: true }),
    batch: number({ min: 1, integer: true }),
    optimiser: object({ name: string(), lr: number({ min: 0 }), torchDefaults: string() }),
    epochs: number({ min: 1, integer: true }),
    attackEpsilons: numbers,
    deformations: object({ rotationDegrees: numbers, shearDegrees: numbers, zoomFactors: numbers }),
  }),
  runs: record(object(Object.fromEntries(INDEPENDENT_MODELS.map((m) => [m, MODEL_RUN]))), {
    key: /^(0|[1-9][0-9]{0,5})$/,
    keyExpected: 'seeds (non-negative integers)',
    max: 10_000,
  }),
  claims: object({
    alpha: number({ min: 0, max: 1 }),
    seeds: array(number({ min: 0, integer: true }), { min: 1 }),
    claims: array(
      object({
        id: string(),
        statistic: string(),
        reference: string(),
        alternative: oneOf(['less', 'greater']),
        n: number({ min: 1, integer: true }),
        mean: number(),
        interval95: array(number(), { min: 2, max: 2 }),
        p: share,
        holmP: share,
        verdict: oneOf(['supported', 'contradicted', 'inconclusive']),
      }),
    ),
  }),
});

/**
 * The file's shape, field by field, then its claims against generalisation-primary.ts: every declared
 * primary claim judged once, on the declared statistic, reference and direction (a run of another
 * family cannot be set beside ours). Throws a FileFormatError naming `file` and the field.
 */
export function parseIndependentRun(value: unknown, file = INDEPENDENT_FILE): IndependentRun {
  const run = requireShape<IndependentRun>(value, SHAPE, file);
  for (const declared of PRIMARY_CLAIMS) {
    const found = run.claims.claims.findIndex((c) => c.id === declared.id);
    if (found < 0)
      throw new FileFormatError(
        'BAD_FIELD',
        { file, field: 'claims.claims' },
        `a claim with id ${show(declared.id)} (generalisation-primary.ts declares it)`,
        `ids ${run.claims.claims.map((c) => show(c.id)).join(', ') || 'none'}`,
      );
    const claim = run.claims.claims[found];
    for (const key of ['statistic', 'reference', 'alternative'] as const) {
      if (claim[key] !== declared[key])
        throw new FileFormatError(
          'BAD_FIELD',
          { file, field: `claims.claims[${found}].${key}` },
          `${show(declared[key])} as declared for '${declared.id}'`,
          show(claim[key]),
        );
    }
  }
  return run;
}

/**
 * Reads INDEPENDENT_FILE under `root` (the repository the CLI runs in, whatever --out is): missing is a
 * state the block reports, not an error; a malformed file is `unreadable` with the problem (named file
 * and field), which --check lists and the block states.
 */
export async function loadIndependentRun(root: string = REPO_ROOT): Promise<IndependentInput> {
  const path = join(root, INDEPENDENT_FILE);
  if (!existsSync(path)) return { kind: 'missing' };
  try {
    const value = await readBoundedJson(
      path,
      { bytes: MAX_INDEPENDENT_BYTES, name: 'MAX_INDEPENDENT_BYTES' },
      INDEPENDENT_FILE,
    );
    return { kind: 'run', run: parseIndependentRun(value) };
  } catch (error) {
    if (error instanceof FileFormatError) return { kind: 'unreadable', problem: error.message };
    return { kind: 'unreadable', problem: `${INDEPENDENT_FILE}: cannot be read (${(error as Error).message})` };
  }
}
