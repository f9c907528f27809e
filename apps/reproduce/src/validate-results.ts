import { PROFILE_NAMES } from './profiles.js';
import { SCHEMA_VERSION, type ExperimentResults } from './results.js';

type Check = (value: unknown) => string | null;

const finite: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : `a finite number, found ${show(v)}`);
const probability: Check = (v) =>
  typeof v === 'number' && v >= 0 && v <= 1 ? null : `a number in [0, 1], found ${show(v)}`;
const string: Check = (v) => (typeof v === 'string' && v !== '' ? null : `a non-empty string, found ${show(v)}`);
const object: Check = (v) =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? null : `an object, found ${show(v)}`;
const oneOf =
  (valid: readonly unknown[]): Check =>
  (v) =>
    valid.includes(v) ? null : `one of ${valid.map(show).join(', ')}, found ${show(v)}`;
const array =
  (min = 0): Check =>
  (v) =>
    Array.isArray(v) && v.length >= min ? null : `an array of at least ${min} items, found ${show(v)}`;

function show(v: unknown): string {
  const text = JSON.stringify(v);
  return text === undefined ? String(v) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function get(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/**
 * Checks a parsed results file against the schema (the fields the README and --check rely on), its
 * experiment one of `experiments`. Returns a list of problems, each naming the file and field, what was
 * expected and what was found.
 */
export function validateResults(value: unknown, file: string, experiments: readonly string[]): string[] {
  const problems: string[] = [];
  const expect = (path: string, check: Check, root: unknown = value, prefix = ''): void => {
    const message = check(get(root, path));
    if (message !== null) problems.push(`${file}: ${prefix}${path}: expected ${message}`);
  };
  expect('schemaVersion', oneOf([SCHEMA_VERSION]));
  if (problems.length > 0) return problems;
  expect('experiment', oneOf(experiments));
  expect('profile', oneOf(PROFILE_NAMES));
  expect('seeds', array(1));
  expect('config', object);
  expect('models', array(2));
  expect('claims', array(1));
  expect('figures', array(1));
  expect('environment', object);
  const results = value as ExperimentResults;
  const seeds = Array.isArray(results.seeds) ? results.seeds : [];
  seeds.forEach((seed, i) => {
    if (!Number.isInteger(seed) || seed < 0)
      problems.push(`${file}: seeds[${i}]: expected an integer >= 0, found ${show(seed)}`);
  });
  (Array.isArray(results.models) ? results.models : []).forEach((model, i) => {
    const at = `models[${i}].`;
    for (const field of ['model', 'label']) expect(field, string, model, at);
    expect('mixing', oneOf(['none', 'input', 'manifold']), model, at);
    expect('runs', array(1), model, at);
    const runs = Array.isArray(model?.runs) ? model.runs : [];
    if (runs.length !== seeds.length || runs.some((r, k) => r?.seed !== seeds[k]))
      problems.push(`${file}: ${at}runs: expected one run per seed in the order of 'seeds' (${seeds.join(', ')})`);
    runs.forEach((run, k) => {
      const r = `${at}runs[${k}].`;
      expect('configHash', string, run, r);
      expect('config', object, run, r);
      expect('metrics.accuracy', probability, run, r);
      expect('metrics.ece', probability, run, r);
      expect('metrics.mce', probability, run, r);
      expect('metrics.nll', finite, run, r);
      expect('reliability', array(1), run, r);
      expect('history', array(1), run, r);
      expect('analysis', object, run, r);
      (Array.isArray(run?.history) ? run.history : []).forEach((record, e) => {
        expect('epoch', finite, record, `${r}history[${e}].`);
        expect('loss', finite, record, `${r}history[${e}].`);
      });
    });
  });
  const bound: Check = (v) =>
    v === null || (typeof v === 'number' && Number.isFinite(v)) ? null : `null or a finite number, found ${show(v)}`;
  (Array.isArray(results.claims) ? results.claims : []).forEach((claim, i) => {
    const at = `claims[${i}].`;
    for (const field of ['id', 'statement', 'source', 'label', 'effect']) expect(field, string, claim, at);
    expect('mean', finite, claim, at);
    expect('interval.low', bound, claim, at);
    expect('interval.high', bound, claim, at);
    expect('verdict', oneOf(['supported', 'contradicted', 'inconclusive']), claim, at);
    expect('perSeed', array(1), claim, at);
    (Array.isArray(claim?.perSeed) ? claim.perSeed : []).forEach((s, k) =>
      expect('effect', finite, s, `${at}perSeed[${k}].`),
    );
  });
  (Array.isArray(results.figures) ? results.figures : []).forEach((figure, i) => {
    expect(
      'path',
      (v) =>
        typeof v === 'string' && /^figures\/[\w.-]+\.svg$/.test(v) ? null : `figures/<name>.svg, found ${show(v)}`,
      figure,
      `figures[${i}].`,
    );
    expect('caption', string, figure, `figures[${i}].`);
    expect(
      'sha256',
      (v) => (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? null : `64 hex digits, found ${show(v)}`),
      figure,
      `figures[${i}].`,
    );
  });
  for (const field of ['node', 'startedAt', 'backend.name']) expect(`environment.${field}`, string);
  expect('environment.runSeconds', finite);
  expect('environment.models', object);
  return problems;
}
