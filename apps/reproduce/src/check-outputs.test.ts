import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeConsistentOutputs } from './__fixtures__/consistent-outputs.js';
import { syntheticResults } from './__fixtures__/synthetic-results.js';
import { checkOutputs, validateRun } from './check-outputs.js';
import { decodeArrays, encodeArrays } from './figure-spec.js';
import { figureArraysPath } from './results.js';
import { INDEPENDENT_FILE, loadIndependentRun } from './independent-run.js';
import { writeBlocks } from './readme-blocks.js';
import { renderBlocks } from './render-readme.js';
import { DEFAULT_EXPERIMENTS } from './experiments/registry.js';
import { spiral } from './experiments/spiral.js';

let out: string;

beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'reproduce-check-'));
  await writeConsistentOutputs(out);
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('--check', () => {
  it('passes when README, figures and results agree', async () => {
    expect(await checkOutputs(out)).toEqual([]);
    expect(await validateRun(out, DEFAULT_EXPERIMENTS)).toEqual([]);
  });

  it('fails when a README block was edited by hand, naming block and line', async () => {
    const path = join(out, 'README.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace('_supported_', '_maybe_'));
    const problems = await checkOutputs(out);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^README.md: block 'claims' disagrees with results\/\*\.json: line \d+ of the block: expected '.*', found '.*'/,
    );
  });

  it('fails when a figure is missing, changed or unlisted', async () => {
    await rm(join(out, 'figures', 'spiral-metrics.svg'));
    const changed = join(out, 'figures', 'bottleneck-12d-metrics.svg');
    await writeFile(changed, (await readFile(changed, 'utf8')).replace('</svg>', '<g></g></svg>'));
    await writeFile(join(out, 'figures', 'old.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    const problems = await checkOutputs(out);
    expect(problems).toEqual([
      'figures/spiral-metrics.svg: missing (drawn from results/spiral.json and results/spiral.arrays.json)',
      expect.stringMatching(
        /^figures\/bottleneck-12d-metrics.svg: differs from the figure drawn again from results\/bottleneck-12d.json/,
      ),
      'figures/old.svg: not listed in any results file (stale figure?)',
    ]);
  });

  it('redraws figures from the results: a number edited in results and README together is caught', async () => {
    const path = join(out, 'results', 'spiral.json');
    const results = JSON.parse(await readFile(path, 'utf8'));
    results.models[0].runs[0].metrics.accuracy = 0.5;
    await writeFile(path, JSON.stringify(results));
    const readme = join(out, 'README.md');
    const all = await Promise.all(
      DEFAULT_EXPERIMENTS.map(async (e) => JSON.parse(await readFile(join(out, 'results', `${e}.json`), 'utf8'))),
    );
    const blocks = renderBlocks(all, undefined, await loadIndependentRun());
    await writeFile(readme, writeBlocks(await readFile(readme, 'utf8'), blocks).text);
    expect(await checkOutputs(out)).toEqual([
      expect.stringMatching(
        /^figures\/spiral-metrics.svg: differs from the figure drawn again from results\/spiral.json/,
      ),
      'figures/spiral-metrics.svg: SHA-256 recorded in results/spiral.json is not that of the figure drawn again',
    ]);
  });

  it('redraws maps from the arrays file: an edited probability is caught', async () => {
    const path = join(out, figureArraysPath('spiral'));
    const arrays = decodeArrays(await readFile(path, 'utf8'), 'x') as { panels: Array<{ probability: Float32Array }> };
    arrays.panels[0].probability.fill(0.5);
    await writeFile(path, encodeArrays(arrays));
    const problems = await checkOutputs(out);
    expect(problems[0]).toMatch(/^figures\/spiral-confidence.svg: differs from the figure drawn again/);
  });

  it('redraws the claims figure from results/*.json: an edited claim is caught', async () => {
    const path = join(out, 'results', 'spiral.json');
    const results = JSON.parse(await readFile(path, 'utf8'));
    results.claims[0].label = 'an edited label';
    await writeFile(path, JSON.stringify(results));
    expect(await checkOutputs(out)).toEqual([
      expect.stringMatching(
        /^figures\/claims-at-a-glance.svg: differs from the figure drawn again from results\/\*\.json/,
      ),
    ]);
    // Numbers that cannot be drawn are a problem to report, not a crash.
    results.claims[0].mean = 123;
    await writeFile(path, JSON.stringify(results));
    expect(await checkOutputs(out)).toContainEqual(
      expect.stringMatching(
        /^figures\/claims-at-a-glance.svg: cannot be drawn from results\/\*\.json: claimsAtAGlance: rows\[\d+\]/,
      ),
    );
  });

  it('fails when results change after the README was written, or are malformed', async () => {
    const path = join(out, 'results', 'spiral.json');
    const results = JSON.parse(await readFile(path, 'utf8'));
    results.models[0].runs[0].metrics.accuracy = 0.5;
    await writeFile(path, JSON.stringify(results));
    expect((await checkOutputs(out)).join('\n')).toMatch(/block 'spiral' disagrees/);
    results.models[0].runs[1].metrics.ece = 7;
    await writeFile(path, JSON.stringify(results));
    expect(await checkOutputs(out)).toContain(
      'results/spiral.json: models[0].runs[1].metrics.ece: expected a number in [0, 1], found 7',
    );
    results.models[0].runs[1].metrics.ece = 0.1;
    results.models[0].runs.pop();
    await writeFile(path, JSON.stringify(results));
    expect(await checkOutputs(out)).toContain(
      "results/spiral.json: models[0].runs: expected one run per seed in the order of 'seeds' (0, 1, 2)",
    );
    await writeFile(path, '{');
    expect((await checkOutputs(out))[0]).toMatch(/^results\/spiral.json: not valid JSON/);
  });

  it('--validate also requires every experiment that was run to have results and valid SVG', async () => {
    await rm(join(out, 'results', 'bottleneck-2d.json'));
    await writeFile(join(out, 'figures', 'spiral-metrics.svg'), '<svg><g></svg>');
    const problems = await validateRun(out, DEFAULT_EXPERIMENTS);
    expect(problems).toContain(
      "results/bottleneck-2d.json: missing (expected after running experiment 'bottleneck-2d')",
    );
    expect(problems.some((p) => p.startsWith('figures/spiral-metrics.svg: not a valid SVG'))).toBe(true);
  });

  it('accepts a README whose blocks say "no results yet" when there are no results', async () => {
    await rm(join(out, 'results'), { recursive: true });
    await rm(join(out, 'figures'), { recursive: true });
    const independent = await loadIndependentRun();
    await writeFile(join(out, 'README.md'), writeBlocks('# Project\n', renderBlocks([], undefined, independent)).text);
    expect(await checkOutputs(out)).toEqual([]);
    await writeFile(join(out, 'README.md'), writeBlocks('# Project\n', renderBlocks([syntheticResults(spiral)])).text);
    expect((await checkOutputs(out)).join('\n')).toMatch(/block 'claims' disagrees/);
  });

  it('reports a README without markers', async () => {
    await writeFile(join(out, 'README.md'), '# nothing generated here\n');
    const problems = await checkOutputs(out);
    expect(problems).toContain(
      "README.md: block 'claims' missing (markers <!-- reproduce:begin claims --> ... <!-- reproduce:end claims -->)",
    );
  });

  it('verifies the independent block against the independent run: an edit is caught, a bad file is listed', async () => {
    const path = join(out, 'README.md');
    const readme = await readFile(path, 'utf8');
    expect(readme).toContain('<!-- reproduce:begin independent -->');
    await writeFile(
      path,
      readme.replace('| manifold mixup − baseline (claimed < 0) |', '| manifold mixup − baseline |'),
    );
    expect(await checkOutputs(out)).toEqual([
      expect.stringMatching(/^README.md: block 'independent' disagrees with results\/\*\.json: line \d+ of the block/),
    ]);
    // Another repository's independent file (here a malformed one): its problem, and a block that no longer agrees.
    await writeFile(path, readme);
    const root = join(out, 'elsewhere');
    await mkdir(join(root, dirname(INDEPENDENT_FILE)), { recursive: true });
    await writeFile(join(root, INDEPENDENT_FILE), JSON.stringify({ design: 1 }));
    expect(await checkOutputs(out, undefined, { independentRoot: root })).toEqual([
      `${INDEPENDENT_FILE}: design: expected an object, found 1`,
      expect.stringMatching(/^README.md: block 'independent' disagrees/),
    ]);
  });
});
