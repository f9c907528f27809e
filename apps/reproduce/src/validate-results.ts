import { claimProblems } from './claim-consistency.js';
import { configHash } from './config-hash.js';
import type { AnyExperiment } from './experiments/experiment.js';
import { REGISTRY, type Registry } from './experiments/registry.js';
import { isPlainObject, member, oneOf, shapeProblems, show, type ShapeProblem } from './json-shape.js';
import { jobKey } from './model-job.js';
import { experimentJobs } from './plan.js';
import { SCHEMA_VERSION, type ExperimentResults } from './results.js';
import { resultsShape } from './results-shape.js';

/**
 * Whether `found` equals `expected` (a value of our own: settings, a job), walking `expected` only, so
 * a crafted `found` costs no more than `expected` does; notes the first difference at its field.
 * Members that are undefined in `expected` must be absent (JSON drops them).
 */
function sameValue(expected: unknown, found: unknown, field: string, what: string, problems: ShapeProblem[]): boolean {
  const differ = (want: string, got: string = show(found)) => {
    problems.push({ field, expected: `${want} (${what})`, found: got });
    return false;
  };
  if (Array.isArray(expected)) {
    if (!Array.isArray(found) || found.length !== expected.length)
      return differ(`an array of length ${expected.length}`);
    return expected.every((e, i) => sameValue(e, found[i], `${field}[${i}]`, what, problems));
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(found)) return differ('an object');
    const extra = Object.keys(found).find((k) => expected[k] === undefined);
    if (extra !== undefined) {
      problems.push({ field: member(field, extra), expected: `no such member (${what})`, found: show(found[extra]) });
      return false;
    }
    return Object.entries(expected).every(
      ([k, v]) => v === undefined || sameValue(v, found[k], member(field, k), what, problems),
    );
  }
  return found === expected || differ(show(expected));
}

/** The models and runs of `results` are the plan's: the jobs its settings give for each seed, their hashes recomputed. */
function planProblems(results: ExperimentResults, experiment: AnyExperiment): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const { profile, seeds } = results;
  const settings = experiment.settings[profile];
  if (
    !sameValue(
      settings,
      results.config,
      'config',
      `the settings of profile ${profile} in the ${experiment.name} experiment`,
      problems,
    )
  )
    return problems;
  const planned = (run: ExperimentResults['models'][number]['runs'][number]) =>
    experimentJobs(experiment, profile, { seed: run.seed, backend: run.config.backend, code: run.config.code });
  const perSeed = planned(results.models[0].runs[0]).length;
  if (results.models.length !== perSeed)
    return [{ field: 'models', expected: `${perSeed} models (the plan's)`, found: `${results.models.length}` }];
  results.models.forEach((model, i) => {
    const at = `models[${i}]`;
    if (model.runs.length !== seeds.length || model.runs.some((r, k) => r.seed !== seeds[k])) {
      problems.push({
        field: `${at}.runs`,
        expected: `one run per seed in the order of 'seeds' (${seeds.join(', ')})`,
        found: '',
      });
      return;
    }
    model.runs.forEach((run, k) => {
      const job = planned(run)[i];
      const where = `${at}.runs[${k}]`;
      const what = `the plan's job ${jobKey(job)}`;
      if (k === 0)
        for (const key of ['model', 'label', 'mixing'] as const)
          sameValue(job[key], model[key], `${at}.${key}`, what, problems);
      if (!sameValue(job, run.config, `${where}.config`, what, problems)) return;
      const hash = configHash(job);
      if (run.configHash !== hash)
        problems.push({
          field: `${where}.configHash`,
          expected: `${hash} (the hash of its config)`,
          found: show(run.configHash),
        });
      const epsilons = job.outputs.fgsm?.epsilons;
      const records = run.fgsm ?? [];
      if (records.length !== (epsilons?.length ?? 0) || records.some((r, e) => r.epsilon !== epsilons?.[e]))
        problems.push({
          field: `${where}.fgsm`,
          expected: epsilons ? `one record per ε of the job (${epsilons.join(', ')})` : 'none (the job has no FGSM)',
          found: `${records.length} records`,
        });
    });
  });
  return problems;
}

/**
 * Checks a parsed results file, a file from elsewhere: its shape (results-shape.ts: every field the
 * README, the figures and --check read, of the right type and size), that each claim agrees with its
 * own numbers (claim-consistency.ts: p-values and verdict), then that it is a run of the
 * registry's experiment as the plan has it: the config is the profile's settings, the models and
 * each run's config are the plan's jobs and the hashes are theirs. Returns the problems, each naming
 * the file and field, what was expected and what was found (empty: valid).
 */
export function validateResults(value: unknown, file: string, registry: Registry = REGISTRY): string[] {
  const format = (problems: ShapeProblem[]) =>
    problems.map((p) => `${file}: ${p.field}: expected ${p.expected}${p.found === '' ? '' : `, found ${p.found}`}`);
  const head = shapeProblems(value, (v, field, problems) => {
    if (!isPlainObject(v))
      return void problems.push({ field: 'schemaVersion', expected: `${SCHEMA_VERSION}`, found: show(v) });
    oneOf([SCHEMA_VERSION])(v.schemaVersion, 'schemaVersion', problems);
    if (problems.length === 0) oneOf(registry.names)(v.experiment, 'experiment', problems);
  });
  if (head.length > 0) return format(head);
  const results = value as ExperimentResults;
  const shape = shapeProblems(value, resultsShape(results.experiment));
  if (shape.length > 0) return format(shape);
  const claims = results.claims.flatMap((claim, i) => claimProblems(claim, `claims[${i}]`));
  return format([...claims, ...planProblems(results, registry.get(results.experiment))]);
}
