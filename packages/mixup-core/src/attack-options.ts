import { describeFound, numberError, rangeError, typeError } from '@manifold-mixup/errors';
import type { ClipRange } from './attack-batches.js';
import type { AttackLoss } from './attack-objective.js';
import { checkLabeledSet } from './batches.js';
import type { ManifoldMixupModel } from './model.js';
import type { LabeledSet } from '@manifold-mixup/types';

interface AttackOptionsBase {
  /** The loss the attack follows: 'margin' (valid under a saturated softmax) or 'cross-entropy'. */
  loss: AttackLoss;
  /** Attack strengths ε (each finite, >= 0): the L∞ radius, in the units of the inputs. */
  epsilons: readonly number[];
  /** The data range attacked inputs are clipped to, e.g. [0, 1] for MNIST pixels; null: no clipping. */
  clip: ClipRange;
  /** Rows per gradient computation; default 500. PGD's random start does not depend on it. */
  batchSize?: number;
}

/** The fast gradient sign method: one step x' = clip(x + ε·sign(∇ₓ objective)). */
export interface FgsmAttackOptions extends AttackOptionsBase {
  attack: 'fgsm';
}

/** Projected gradient descent (Madry et al. 2018) on the L∞ ball of radius ε, intersected with `clip`. */
export interface PgdAttackOptions extends AttackOptionsBase {
  attack: 'pgd';
  /** Gradient steps; default 10. */
  steps?: number;
  /** The size of each step (same units as ε); default 2.5·ε / steps, for each ε. */
  stepSize?: number;
  /** Start from a uniform draw in [−ε, ε] per component (default) rather than from x. */
  randomStart?: boolean;
  /** Seeds the random start: the same seed gives every model the same start points. */
  seed: number;
}

export type AttackOptions = FgsmAttackOptions | PgdAttackOptions;

/** Options after checking, with the defaults filled in. */
export interface AttackPlan {
  attack: 'fgsm' | 'pgd';
  loss: AttackLoss;
  epsilons: readonly number[];
  clip: ClipRange;
  batchSize: number;
  /** PGD only (0 for FGSM). */
  steps: number;
  /** Per ε, PGD's step size (empty for FGSM). */
  stepSizes: number[];
  /** PGD with a random start: the seed of its draws; otherwise null. */
  seed: number | null;
}

const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_STEPS = 10;
/** Madry et al.'s choice: 2.5·ε/k lets k steps cross the ball and back. */
const DEFAULT_STEP_FACTOR = 2.5;
const PGD_ONLY = ['steps', 'stepSize', 'randomStart', 'seed'] as const;

function foundOf(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : describeFound(value);
}

function checkEpsilons(where: string, epsilons: unknown): readonly number[] {
  if (!Array.isArray(epsilons))
    throw typeError(where, 'options.epsilons', 'must be an array of numbers', describeFound(epsilons));
  if (epsilons.length === 0) throw rangeError(where, 'options.epsilons', 'must not be empty', 'an empty array');
  epsilons.forEach((e: unknown, i) => {
    if (typeof e !== 'number' || !Number.isFinite(e) || e < 0)
      throw numberError(where, `options.epsilons[${i}]`, 'must be a finite number >= 0', e);
  });
  return epsilons as number[];
}

function checkClip(where: string, clip: unknown): ClipRange {
  if (clip === null) return null;
  const requirement = 'must be [min, max] with finite min < max, or null';
  if (!Array.isArray(clip)) throw typeError(where, 'options.clip', requirement, describeFound(clip));
  if (clip.length !== 2 || !clip.every((v) => typeof v === 'number' && Number.isFinite(v)) || !(clip[0] < clip[1]))
    throw rangeError(where, 'options.clip', requirement, JSON.stringify(clip));
  return clip as unknown as readonly [number, number];
}

function positiveInteger(where: string, field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw numberError(where, field, 'must be a positive integer', value);
  return value;
}

/** Check `options` for the public function `where`; errors name the field, what it must be and what was found. */
export function checkAttackOptions(where: string, options: AttackOptions): AttackPlan {
  if (options == null || typeof options !== 'object')
    throw typeError(where, 'options', 'must be an object', describeFound(options));
  const { attack, loss } = options as { attack: unknown; loss: unknown };
  if (attack !== 'fgsm' && attack !== 'pgd')
    throw rangeError(where, 'options.attack', "must be 'fgsm' or 'pgd'", foundOf(attack));
  if (loss !== 'margin' && loss !== 'cross-entropy')
    throw rangeError(where, 'options.loss', "must be 'margin' or 'cross-entropy'", foundOf(loss));
  const epsilons = checkEpsilons(where, options.epsilons);
  const clip = checkClip(where, options.clip);
  const batchSize = positiveInteger(where, 'options.batchSize', options.batchSize, DEFAULT_BATCH_SIZE);
  if (options.attack === 'fgsm') {
    // A PGD setting on an FGSM attack is a mistake to report, not to ignore.
    const pgdOnly = options as unknown as Partial<Record<(typeof PGD_ONLY)[number], unknown>>;
    const stray = PGD_ONLY.find((key) => pgdOnly[key] !== undefined);
    if (stray !== undefined)
      throw rangeError(
        where,
        `options.${stray}`,
        "must be left out when options.attack is 'fgsm'",
        foundOf(pgdOnly[stray]),
      );
    return { attack, loss, epsilons, clip, batchSize, steps: 0, stepSizes: [], seed: null };
  }
  const steps = positiveInteger(where, 'options.steps', options.steps, DEFAULT_STEPS);
  const { stepSize, randomStart = true, seed } = options;
  if (stepSize !== undefined && (typeof stepSize !== 'number' || !Number.isFinite(stepSize) || stepSize < 0))
    throw numberError(where, 'options.stepSize', 'must be a finite number >= 0', stepSize);
  if (typeof randomStart !== 'boolean')
    throw typeError(where, 'options.randomStart', 'must be a boolean', describeFound(randomStart));
  if (typeof seed !== 'number' || !Number.isInteger(seed))
    throw numberError(where, 'options.seed', 'must be an integer', seed);
  const stepSizes = epsilons.map((epsilon) => stepSize ?? (DEFAULT_STEP_FACTOR * epsilon) / steps);
  return { attack, loss, epsilons, clip, batchSize, steps, stepSizes, seed: randomStart ? seed : null };
}

/** checkAttackOptions, then the data against the model (the public attacks' first lines). */
export function checkAttack(
  where: string,
  model: ManifoldMixupModel,
  data: LabeledSet<ArrayLike<number>>,
  options: AttackOptions,
): AttackPlan {
  const plan = checkAttackOptions(where, options);
  checkLabeledSet(data, model.inputShape, model.numClasses, `${where}: data`);
  return plan;
}
