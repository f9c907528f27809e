import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticResults } from './__fixtures__/synthetic-results.js';
import { checkOutputs, validateRun } from './check-outputs.js';
import { sha256Hex } from './config-hash.js';
import { writeBlocks } from './readme-blocks.js';
import { renderBlocks } from './render-readme.js';
import { EXPERIMENT_NAMES } from './profiles.js';

const svg = (name: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>${name}</title></svg>`;

let out: string;

/** A consistent output folder: results, figures with matching hashes, README with rendered blocks. */
async function writeConsistentOutputs(): Promise<void> {
  await mkdir(join(out, 'figures'), { recursive: true });
  await mkdir(join(out, 'results'), { recursive: true });
  const all = [];
  for (const experiment of EXPERIMENT_NAMES) {
    const shas: Record<string, string> = {};
    const base = syntheticResults(experiment);
    for (const f of base.figures) {
      const name = f.path.slice('figures/'.length, -'.svg'.length);
      await writeFile(join(out, f.path), svg(name));
      shas[name] = sha256Hex(svg(name));
    }
    const results = syntheticResults(experiment, shas);
    all.push(results);
    await writeFile(join(out, 'results', `${experiment}.json`), JSON.stringify(results));
  }
  const readme =
    '# Project\n\nHuman prose.\n\n<!-- reproduce:begin claims -->\n<!-- reproduce:end claims -->\n\nMore prose.\n';
  await writeFile(join(out, 'README.md'), writeBlocks(readme, renderBlocks(all)).text);
}

beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'reproduce-check-'));
  await writeConsistentOutputs();
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('--check', () => {
  it('passes when README, figures and results agree', async () => {
    expect(await checkOutputs(out)).toEqual([]);
    expect(await validateRun(out, EXPERIMENT_NAMES)).toEqual([]);
  });

  it('fails when a README block was edited by hand, naming block and line', async () => {
    const path = join(out, 'README.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace('**supported**', '**maybe**'));
    const problems = await checkOutputs(out);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^README.md: block 'claims' disagrees with results\/\*\.json: line \d+ of the block: expected .*supported.*, found .*maybe/,
    );
  });

  it('fails when a figure is missing, changed or unlisted', async () => {
    await rm(join(out, 'figures', 'spiral-confidence.svg'));
    await writeFile(join(out, 'figures', 'bottleneck-12d-spectra.svg'), svg('changed'));
    await writeFile(join(out, 'figures', 'old.svg'), svg('old'));
    const problems = await checkOutputs(out);
    expect(problems).toEqual([
      'figures/spiral-confidence.svg: missing (listed in results/spiral.json)',
      expect.stringMatching(
        /^figures\/bottleneck-12d-spectra.svg: SHA-256 .* differs from .* recorded in results\/bottleneck-12d.json/,
      ),
      'figures/old.svg: not listed in any results file (stale figure?)',
    ]);
  });

  it('fails when results change after the README was written, or are malformed', async () => {
    const path = join(out, 'results', 'spiral.json');
    const results = JSON.parse(await readFile(path, 'utf8'));
    results.models[0].metrics.accuracy = 0.5;
    await writeFile(path, JSON.stringify(results));
    expect((await checkOutputs(out)).join('\n')).toMatch(/block 'spiral' disagrees/);
    results.models[0].metrics.ece = 7;
    await writeFile(path, JSON.stringify(results));
    expect(await checkOutputs(out)).toContain(
      'results/spiral.json: models[0].metrics.ece: expected a number in [0, 1], found 7',
    );
    await writeFile(path, '{');
    expect((await checkOutputs(out))[0]).toMatch(/^results\/spiral.json: not valid JSON/);
  });

  it('--validate also requires every experiment that was run to have results and valid SVG', async () => {
    await rm(join(out, 'results', 'bottleneck-2d.json'));
    await writeFile(join(out, 'figures', 'spiral-confidence.svg'), '<svg><g></svg>');
    const problems = await validateRun(out, EXPERIMENT_NAMES);
    expect(problems).toContain(
      "results/bottleneck-2d.json: missing (expected after running experiment 'bottleneck-2d')",
    );
    expect(problems.some((p) => p.startsWith('figures/spiral-confidence.svg: not a valid SVG'))).toBe(true);
  });

  it('accepts a README whose blocks say "no results yet" when there are no results', async () => {
    await rm(join(out, 'results'), { recursive: true });
    await rm(join(out, 'figures'), { recursive: true });
    await writeFile(join(out, 'README.md'), writeBlocks('# Project\n', renderBlocks([])).text);
    expect(await checkOutputs(out)).toEqual([]);
    await writeFile(
      join(out, 'README.md'),
      writeBlocks('# Project\n', renderBlocks([syntheticResults('spiral')])).text,
    );
    expect((await checkOutputs(out)).join('\n')).toMatch(/block 'claims' disagrees/);
  });

  it('reports a README without markers', async () => {
    await writeFile(join(out, 'README.md'), '# nothing generated here\n');
    const problems = await checkOutputs(out);
    expect(problems).toContain(
      "README.md: block 'claims' missing (markers <!-- reproduce:begin claims --> ... <!-- reproduce:end claims -->)",
    );
  });
});
