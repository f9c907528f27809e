import { FileFormatError } from './file-format-error.js';

/**
 * Shapes of parsed JSON from untrusted files: each shape checks a value and notes what is wrong at which
 * field (`jobs[3].key`, `environment.backend.name`), never throwing and never recursing deeper than the
 * shape itself, so deeply nested junk costs nothing. The readers of shard.json, results/*.json and
 * cache entries describe their files with these, so every file is validated the same way.
 */

/** One thing wrong: the field (a path into the value), what it should have been, what it was. */
export interface ShapeProblem {
  field: string;
  expected: string;
  found: string;
}

/** Checks `value` (found at `field`) and appends what is wrong to `problems`. */
export type Shape = (value: unknown, field: string, problems: ShapeProblem[]) => void;

/** Enough to read; a crafted file with a million bad items does not make a million messages. */
const MAX_PROBLEMS = 50;

/**
 * A value as an error message shows it: numbers, booleans and null as they print, strings quoted and cut
 * at 60 characters, arrays and objects by their kind only (their contents may be huge or deeply nested).
 */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The path of a member: `field.key`, or `key` at the top. */
export function member(field: string, key: string): string {
  return field === '' ? key : `${field}.${key}`;
}

/** A shape from a predicate and what it expects. */
export function check(expected: string, ok: (value: unknown) => boolean): Shape {
  return (value, field, problems) => {
    if (!ok(value)) problems.push({ field, expected, found: show(value) });
  };
}

/** A finite number within [min, max] (an integer when asked). */
export function number({ min = -Infinity, max = Infinity, integer = false } = {}): Shape {
  const kind = integer ? 'an integer' : 'a finite number';
  const expected =
    Number.isFinite(min) && Number.isFinite(max)
      ? `${integer ? 'an integer' : 'a number'} in [${min}, ${max}]`
      : Number.isFinite(min)
        ? `${kind} >= ${min}`
        : Number.isFinite(max)
          ? `${kind} <= ${max}`
          : kind;
  return check(
    expected,
    (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isSafeInteger(v)),
  );
}

/** A string, by default non-empty; with `pattern`, one it matches (`expected` then says which). */
export function string(pattern?: RegExp, expected = 'a non-empty string'): Shape {
  return check(expected, (v) => typeof v === 'string' && (pattern ? pattern.test(v) : v !== ''));
}

/** Any string, the empty one included. */
export const text: Shape = check('a string', (v) => typeof v === 'string');

export const boolean: Shape = check('true or false', (v) => typeof v === 'boolean');

export function oneOf(values: readonly unknown[]): Shape {
  return check(`one of ${values.map(show).join(', ')}`, (v) => values.includes(v));
}

/** null, or a value of `shape` (whose expectation the message extends). */
export function nullable(shape: Shape): Shape {
  return (value, field, problems) => {
    if (value === null) return;
    const mine: ShapeProblem[] = [];
    shape(value, field, mine);
    for (const p of mine) problems.push(p.field === field ? { ...p, expected: `null or ${p.expected}` } : p);
  };
}

/** Absent (undefined), or a value of `shape`: for optional members of an object. */
export function optional(shape: Shape): Shape {
  return (value, field, problems) => {
    if (value !== undefined) shape(value, field, problems);
  };
}

/** An array of `min` to `max` items of `item` (each checked, until enough problems are noted). */
export function array(item: Shape, { min = 0, max = Infinity } = {}): Shape {
  const expected = Number.isFinite(max)
    ? `an array of ${min} to ${max} items`
    : min > 0
      ? `an array of at least ${min} items`
      : 'an array';
  return (value, field, problems) => {
    if (!Array.isArray(value) || value.length < min || value.length > max) {
      problems.push({ field, expected, found: show(value) });
      return;
    }
    for (let i = 0; i < value.length && problems.length < MAX_PROBLEMS; i++) item(value[i], `${field}[${i}]`, problems);
  };
}

/** An object with these members (others are ignored: nothing reads them). */
export function object(members: Record<string, Shape>): Shape {
  return (value, field, problems) => {
    if (!isPlainObject(value)) {
      problems.push({ field, expected: 'an object', found: show(value) });
      return;
    }
    for (const [key, shape] of Object.entries(members)) shape(value[key], member(field, key), problems);
  };
}

/** An object used as a map: at most `max` keys, each matching `key` (described by `keyExpected`), values of `item`. */
export function record(
  item: Shape,
  { key = /^/, keyExpected = 'keys', max = Infinity }: { key?: RegExp; keyExpected?: string; max?: number } = {},
): Shape {
  return (value, field, problems) => {
    if (!isPlainObject(value)) {
      problems.push({ field, expected: 'an object', found: show(value) });
      return;
    }
    const keys = Object.keys(value);
    if (keys.length > max) {
      problems.push({ field, expected: `an object of at most ${max} members`, found: `${keys.length} members` });
      return;
    }
    for (const k of keys) {
      if (problems.length >= MAX_PROBLEMS) return;
      if (!key.test(k)) problems.push({ field, expected: keyExpected, found: show(k) });
      else item(value[k], member(field, k), problems);
    }
  };
}

/** Each shape in turn, stopping at the first that finds a problem (later ones may rely on earlier ones). */
export function allOf(...shapes: Shape[]): Shape {
  return (value, field, problems) => {
    for (const shape of shapes) {
      const before = problems.length;
      shape(value, field, problems);
      if (problems.length > before) return;
    }
  };
}

/** An array whose items are all different (`what` names them: 'seeds'). */
export function distinct(what: string): Shape {
  return (value, field, problems) => {
    if (!Array.isArray(value)) return;
    const seen = new Set<unknown>();
    for (const v of value) {
      if (seen.has(v)) {
        problems.push({ field, expected: `distinct ${what}`, found: `${show(v)} twice` });
        return;
      }
      seen.add(v);
    }
  };
}

/** The problems of `value` against `shape` (empty: it has the shape). */
export function shapeProblems(value: unknown, shape: Shape, field = ''): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  shape(value, field, problems);
  return problems;
}

/** `value` as the caller's type once it has `shape`; else a FileFormatError naming `file` and the first problem. */
export function requireShape<T>(value: unknown, shape: Shape, file: string, hint?: string): T {
  const [problem] = shapeProblems(value, shape);
  if (problem)
    throw new FileFormatError('BAD_FIELD', { file, field: problem.field }, problem.expected, problem.found, { hint });
  return value as T;
}
