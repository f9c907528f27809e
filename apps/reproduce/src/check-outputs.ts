import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { svgProblem } from './check-svg.js';
import { sha256Hex } from './config-hash.js';
import { experimentFigures } from './experiment-figures.js';
import { REGISTRY, type Registry } from './experiments/registry.js';
import { readBlocks } from './readme-blocks.js';
import { blockNames, renderBlocks } from './render-readme.js';
import { decodeArrays, drawFigure, type FigureSpec } from './figure-spec.js';
import { globalFigures } from './global-figures.js';
import { loadIndependentRun } from './independent-run.js';
import { REPO_ROOT } from './repo-root.js';
import { primaryFamilyProblems } from './primary-family.js';
import { FileFormatError } from './file-format-error.js';
import { readBounded, readBoundedJson } from './read-bounded.js';
import {
  figureArraysPath,
  MAX_FIGURE_ARRAYS_BYTES,
  MAX_RESULTS_BYTES,
  resultsPath,
  type ExperimentResults,
} from './results.js';
import { validateResults } from './validate-results.js';

// An output folder may come from elsewhere too: nothing in it is read whole before its size is known.
/** A figure in figures/ (the largest drawn today is under 300 kB). */
const FIGURE_LIMIT = { bytes: 64 * 1024 * 1024, name: 'MAX_FIGURE_BYTES' };
/** The README whose generated blocks --check compares (the root README is under 100 kB). */
const README_LIMIT = { bytes: 16 * 1024 * 1024, name: 'MAX_README_BYTES' };

/**
 * Reads and schema-checks results/<experiment>.json for the registry's experiments, or only those named
 * in `experiments` (the files present, unless `required`), in registry order.
 */
export async function loadResults(
  out: string,
  registry: Registry = REGISTRY,
  { experiments = registry.names, required = false }: { experiments?: readonly string[]; required?: boolean } = {},
): Promise<{ results: ExperimentResults[]; problems: string[] }> {
  const results: ExperimentResults[] = [];
  const problems: string[] = [];
  for (const experiment of experiments) {
    const file = resultsPath(experiment);
    const path = join(out, file);
    if (!existsSync(path)) {
      if (required) problems.push(`${file}: missing (expected after running experiment '${experiment}')`);
      continue;
    }
    let value: unknown;
    try {
      value = await readBoundedJson(path, { bytes: MAX_RESULTS_BYTES, name: 'MAX_RESULTS_BYTES' }, file);
    } catch (error) {
      problems.push(
        error instanceof FileFormatError ? error.message : `${file}: cannot be read (${(error as Error).message})`,
      );
      continue;
    }
    const schema = validateResults(value, file, registry);
    if (schema.length === 0 && (value as ExperimentResults).experiment !== experiment) {
      schema.push(`${file}: experiment: expected '${experiment}', found '${(value as ExperimentResults).experiment}'`);
    }
    problems.push(...schema);
    if (schema.length === 0) results.push(value as ExperimentResults);
  }
  return { results, problems };
}

function firstDifference(expected: string, found: string): string {
  const a = expected.split('\n');
  const b = found.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      return `line ${i + 1} of the block: expected '${(a[i] ?? '(end)').slice(0, 100)}', found '${(b[i] ?? '(end)').slice(0, 100)}'`;
  }
  return 'whitespace only';
}

/** Compares a freshly drawn figure with the file in figures/; returns a problem or null. */
/** The figure drawn from its data, or null with a problem noted when the data cannot be drawn. */
function drawOrReport(spec: FigureSpec, source: string, problems: string[]): string | null {
  try {
    return drawFigure(spec);
  } catch (error) {
    problems.push(`figures/${spec.name}: cannot be drawn from ${source}: ${(error as Error).message}`);
    return null;
  }
}

async function compareFigure(out: string, name: string, svg: string, source: string): Promise<string | null> {
  const path = join(out, 'figures', name);
  if (!existsSync(path)) return `figures/${name}: missing (drawn from ${source})`;
  let text: string;
  try {
    text = (await readBounded(path, FIGURE_LIMIT, `figures/${name}`)).toString('utf8');
  } catch (error) {
    if (error instanceof FileFormatError) return error.message;
    throw error;
  }
  const invalid = svgProblem(text);
  if (invalid !== null) return `figures/${name}: not a valid SVG: ${invalid}`;
  if (text !== svg) {
    const a = text.split('\n');
    const b = svg.split('\n');
    let line = 0;
    while (line < Math.max(a.length, b.length) && a[line] === b[line]) line++;
    return `figures/${name}: differs from the figure drawn again from ${source} (first at line ${line + 1})`;
  }
  return null;
}

/**
 * Every figure is drawn again from the numbers it shows (results/<experiment>.json plus, for maps and
 * scatters, results/<experiment>.arrays.json; results/*.json for the figures over all experiments) and
 * compared byte for byte with figures/; the results files must list each with the SHA-256 of what is drawn.
 */
export async function checkFigures(
  out: string,
  results: readonly ExperimentResults[],
  registry: Registry = REGISTRY,
): Promise<string[]> {
  const problems: string[] = [];
  for (const r of results) {
    const arraysFile = figureArraysPath(r.experiment);
    let specs;
    try {
      const limit = { bytes: MAX_FIGURE_ARRAYS_BYTES, name: 'MAX_FIGURE_ARRAYS_BYTES' };
      const arrays = decodeArrays(
        (await readBounded(join(out, arraysFile), limit, arraysFile)).toString('utf8'),
        arraysFile,
      );
      if (arrays === null || typeof arrays !== 'object')
        throw new Error(`${arraysFile}: expected an object of figure arrays, found ${JSON.stringify(arrays)}`);
      specs = experimentFigures(registry.get(r.experiment), r, arrays, arraysFile);
    } catch (error) {
      problems.push(existsSync(join(out, arraysFile)) ? (error as Error).message : `${arraysFile}: missing`);
      continue;
    }
    const source = `${resultsPath(r.experiment)} and ${arraysFile}`;
    const listed = new Map(r.figures.map((f) => [f.path, f]));
    for (const spec of specs) {
      const svg = drawOrReport(spec, source, problems);
      if (svg === null) continue;
      const problem = await compareFigure(out, spec.name, svg, source);
      if (problem !== null) problems.push(problem);
      const record = listed.get(`figures/${spec.name}`);
      if (!record) problems.push(`figures/${spec.name}: not listed in ${resultsPath(r.experiment)}`);
      else if (record.sha256 !== sha256Hex(svg))
        problems.push(
          `figures/${spec.name}: SHA-256 recorded in ${resultsPath(r.experiment)} is not that of the figure drawn again`,
        );
      listed.delete(`figures/${spec.name}`);
    }
    for (const path of listed.keys())
      problems.push(`${path}: listed in ${resultsPath(r.experiment)} but not drawn from it`);
  }
  for (const spec of globalFigures(results)) {
    const svg = drawOrReport(spec, 'results/*.json', problems);
    if (svg === null) continue;
    const problem = await compareFigure(out, spec.name, svg, 'results/*.json');
    if (problem !== null) problems.push(problem);
  }
  return problems;
}

/**
 * `--check`: README.md, figures/ and results/ in `out` agree. The README's generated blocks must equal
 * what results/*.json render to; each primary claim's Holm judgement must be the one its family (every
 * primary claim of the folder) gives; every figure, drawn again from its data, must equal the file in
 * figures/; no SVG in figures/ may be unlisted. The `independent` block is rendered with the independent
 * run under `independentRoot` (the repository the CLI runs in, whatever `out` is), as publish does.
 * Returns the list of problems (empty: all agree).
 */
export async function checkOutputs(
  out: string,
  registry: Registry = REGISTRY,
  { independentRoot = REPO_ROOT }: { independentRoot?: string } = {},
): Promise<string[]> {
  // No results at all is a consistent state too, if the README's blocks say so ("No results yet").
  const { results, problems } = await loadResults(out, registry);
  problems.push(...primaryFamilyProblems(results));
  const readmePath = join(out, 'README.md');
  if (!existsSync(readmePath)) {
    problems.push(`README.md: missing in ${out}`);
  } else {
    let blocks: Map<string, string> | null = null;
    try {
      blocks = readBlocks((await readBounded(readmePath, README_LIMIT, 'README.md')).toString('utf8'));
    } catch (error) {
      problems.push((error as Error).message);
    }
    if (blocks) {
      const independent = await loadIndependentRun(independentRoot);
      const expected = renderBlocks(results, registry, independent);
      if (expected.has('independent') && independent.kind === 'unreadable') problems.push(independent.problem);
      for (const name of blockNames(registry)) {
        // Not every experiment has a block in every README (shown-experiments.ts).
        if (!expected.has(name)) continue;
        const found = blocks.get(name);
        const want = expected.get(name) ?? '';
        if (found === undefined)
          problems.push(
            `README.md: block '${name}' missing (markers <!-- reproduce:begin ${name} --> ... <!-- reproduce:end ${name} -->)`,
          );
        else if (found !== want)
          problems.push(`README.md: block '${name}' disagrees with results/*.json: ${firstDifference(want, found)}`);
      }
    }
  }
  problems.push(...(await checkFigures(out, results, registry)));
  const listed = new Set([
    ...results.flatMap((r) => r.figures.map((f) => f.path)),
    ...globalFigures(results).map((f) => `figures/${f.name}`),
  ]);
  const figuresDir = join(out, 'figures');
  if (existsSync(figuresDir)) {
    for (const name of (await readdir(figuresDir)).sort()) {
      if (name.endsWith('.svg') && !listed.has(`figures/${name}`))
        problems.push(`figures/${name}: not listed in any results file (stale figure?)`);
    }
  }
  return problems;
}

/** `--validate`: the run produced every expected result and figure, all valid, and the README agrees. */
export async function validateRun(
  out: string,
  experiments: readonly string[],
  registry: Registry = REGISTRY,
): Promise<string[]> {
  const { results, problems } = await loadResults(out, registry, { experiments, required: true });
  for (const r of results) {
    if (r.figures.length === 0) problems.push(`${resultsPath(r.experiment)}: lists no figures`);
  }
  problems.push(...(await checkOutputs(out, registry)));
  return [...new Set(problems)];
}
