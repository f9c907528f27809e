import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { svgProblem } from './check-svg.js';
import { sha256Hex } from './config-hash.js';
import { EXPERIMENT_NAMES, type ExperimentName } from './profiles.js';
import { readBlocks } from './readme-blocks.js';
import { BLOCK_NAMES, renderBlocks } from './render-readme.js';
import { resultsPath, type ExperimentResults } from './results.js';
import { validateResults } from './validate-results.js';

/** Reads and schema-checks results/<experiment>.json for the given experiments (those present, if `required` is false). */
export async function loadResults(
  out: string,
  experiments: readonly ExperimentName[] = EXPERIMENT_NAMES,
  required = false,
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
      value = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      problems.push(`${file}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const schema = validateResults(value, file);
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

/** Every figure a results file lists exists, is a well-formed SVG and has the recorded SHA-256. */
export async function checkFigures(out: string, results: readonly ExperimentResults[]): Promise<string[]> {
  const problems: string[] = [];
  for (const r of results) {
    for (const figure of r.figures) {
      const path = join(out, figure.path);
      if (!existsSync(path)) {
        problems.push(`${figure.path}: missing (listed in ${resultsPath(r.experiment)})`);
        continue;
      }
      const text = await readFile(path, 'utf8');
      const svg = svgProblem(text);
      if (svg !== null) problems.push(`${figure.path}: not a valid SVG: ${svg}`);
      const sha = sha256Hex(text);
      if (sha !== figure.sha256) {
        problems.push(
          `${figure.path}: SHA-256 ${sha.slice(0, 12)}... differs from ${figure.sha256.slice(0, 12)}... recorded in ${resultsPath(r.experiment)} (figure and results come from different runs)`,
        );
      }
    }
  }
  return problems;
}

/**
 * `--check`: README.md, figures/ and results/ in `out` agree. The README's generated blocks must equal
 * what results/*.json render to; every listed figure must exist with its recorded hash; no SVG in
 * figures/ may be unlisted. Returns the list of problems (empty: all agree).
 */
export async function checkOutputs(out: string): Promise<string[]> {
  // No results at all is a consistent state too, if the README's blocks say so ("No results yet").
  const { results, problems } = await loadResults(out);
  const readmePath = join(out, 'README.md');
  if (!existsSync(readmePath)) {
    problems.push(`README.md: missing in ${out}`);
  } else {
    let blocks: Map<string, string> | null = null;
    try {
      blocks = readBlocks(await readFile(readmePath, 'utf8'));
    } catch (error) {
      problems.push((error as Error).message);
    }
    if (blocks) {
      const expected = renderBlocks(results);
      for (const name of BLOCK_NAMES) {
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
  problems.push(...(await checkFigures(out, results)));
  const listed = new Set(results.flatMap((r) => r.figures.map((f) => f.path)));
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
export async function validateRun(out: string, experiments: readonly ExperimentName[]): Promise<string[]> {
  const { results, problems } = await loadResults(out, experiments, true);
  for (const r of results) {
    if (r.figures.length === 0) problems.push(`${resultsPath(r.experiment)}: lists no figures`);
  }
  problems.push(...(await checkOutputs(out)));
  return [...new Set(problems)];
}
