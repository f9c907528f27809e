// --check on results from elsewhere (a colleague's run, a CI artifact): crafted files end in a problem
// naming the file and the field, never in a crash, a huge allocation or a read outside the folder.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeConsistentOutputs } from './__fixtures__/consistent-outputs.js';
import { checkOutputs } from './check-outputs.js';
import { configHash } from './config-hash.js';
import { spiral } from './experiments/spiral.js';
import { decodeArrays, encodeArrays } from './figure-spec.js';
import { experimentJobs } from './plan.js';
import { figureArraysPath, MAX_FIGURE_ARRAYS_BYTES, MAX_RESULTS_BYTES, resultsPath } from './results.js';

/** Model `model` of the synthetic spiral results with seed `seed` (as __fixtures__/synthetic-results.ts plans it). */
const spiralJob = (model: number, seed: number) =>
  experimentJobs(spiral, 'quick', { seed, backend: 'wasm', code: 'test' })[model];

let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'reproduce-untrusted-'));
  await writeConsistentOutputs(out);
});
afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

/** Parsed JSON, edited freely as a crafted file would be. */
type Parsed = ReturnType<typeof JSON.parse>;

/** Too deep for JSON.stringify: written in where the string DEEP stands. */
const DEEP = 'deeply nested arrays';
const deepJson = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;

/** Rewrites results/<experiment>.json through `edit` (any JSON, whatever the schema says). */
async function editResults(experiment: string, edit: (results: Parsed) => void): Promise<void> {
  const path = join(out, resultsPath(experiment));
  const results = JSON.parse(await readFile(path, 'utf8'));
  edit(results);
  await writeFile(path, JSON.stringify(results).replace(JSON.stringify(DEEP), deepJson));
}

async function editArrays(experiment: string, edit: (arrays: Parsed) => void): Promise<void> {
  const path = join(out, figureArraysPath(experiment));
  const arrays = decodeArrays(await readFile(path, 'utf8'), path) as Parsed;
  edit(arrays);
  await writeFile(path, encodeArrays(arrays));
}

describe('--check on crafted results', () => {
  it('refuses results and figure arrays larger than their limits, unparsed', async () => {
    const results = join(out, resultsPath('spiral'));
    // Valid JSON and otherwise consistent: only the size is wrong.
    await writeFile(results, `${await readFile(results, 'utf8')}${' '.repeat(MAX_RESULTS_BYTES)}`);
    const size = (await readFile(results)).length;
    const arrays = join(out, figureArraysPath('bottleneck-2d'));
    await writeFile(arrays, `${await readFile(arrays, 'utf8')}${' '.repeat(MAX_FIGURE_ARRAYS_BYTES)}`);
    const arraysSize = (await readFile(arrays)).length;
    const problems = await checkOutputs(out);
    expect(problems).toContain(
      `results/spiral.json: size: expected at most ${MAX_RESULTS_BYTES} bytes (MAX_RESULTS_BYTES), found ${size} bytes`,
    );
    expect(problems).toContain(
      `results/bottleneck-2d.arrays.json: size: expected at most ${MAX_FIGURE_ARRAYS_BYTES} bytes (MAX_FIGURE_ARRAYS_BYTES), found ${arraysSize} bytes`,
    );
  });

  it('refuses figure arrays that claim a huge length instead of holding values', async () => {
    await editArrays('spiral', (a) => {
      a.panels[0].labels = { length: 2 ** 32 };
      a.panels[1].probability = { length: 1600 };
    });
    const problems = await checkOutputs(out);
    expect(problems).toContain(
      'results/spiral.arrays.json: panels[0].labels: expected a typed array or an array of numbers, found an object',
    );
  });

  it('refuses a figure name made from the arrays that is a path, reading nothing outside figures/', async () => {
    const escape = '/../../../../../../../../tmp/evil';
    await editArrays('bottleneck-2d', (a) => {
      a.panels[0].groups[0].digits = escape;
      a.panels[1].groups[0].digits = escape;
    });
    const problems = await checkOutputs(out);
    expect(problems).toContain(
      `results/bottleneck-2d.arrays.json: panels[0].groups[0].digits: expected one of "0-4", "0-9", found "${escape}"`,
    );
    expect(problems.join('\n')).not.toContain('evil.svg');
  });

  it("refuses figure records in results whose path is not one of the experiment's figure names", async () => {
    for (const path of ['figures/../README.svg', 'figures/..svg', 'figures/spiral-..svg', 'figures/other.svg']) {
      await editResults('spiral', (r) => (r.figures[0].path = path));
      expect(await checkOutputs(out)).toContain(
        `results/spiral.json: figures[0].path: expected figures/spiral-<lowercase words>.svg, found "${path}"`,
      );
    }
  });

  it("refuses a config that is not the profile's settings (a grid size to allocate)", async () => {
    await editResults('spiral', (r) => (r.config.gridResolution = 1e9));
    expect(await checkOutputs(out)).toContain(
      'results/spiral.json: config.gridResolution: expected 40 (the settings of profile quick in the spiral experiment), found 1000000000',
    );
  });

  it("refuses runs whose config or hash is not the plan's", async () => {
    await editResults('spiral', (r) => (r.models[0].runs[0].config.layers[0].units = 1e9));
    expect(await checkOutputs(out)).toContain(
      "results/spiral.json: models[0].runs[0].config.layers[0].units: expected 16 (the plan's job spiral/baseline/seed-0), found 1000000000",
    );
    await writeConsistentOutputs(out);
    await editResults('spiral', (r) => (r.models[1].runs[1].configHash = '0123456789abcdef'));
    expect(await checkOutputs(out)).toContain(
      `results/spiral.json: models[1].runs[1].configHash: expected ${configHash(spiralJob(1, 1))} (the hash of its config), found "0123456789abcdef"`,
    );
    await editResults('spiral', (r) => (r.models[1].runs[1].configHash = '../../etc/passwd'));
    expect(await checkOutputs(out)).toContain(
      'results/spiral.json: models[1].runs[1].configHash: expected 16 lowercase hex digits, found "../../etc/passwd"',
    );
  });

  it('reports nested junk and wrong types as problems instead of crashing', async () => {
    await editResults('spiral', (r) => {
      r.environment.git.commit = 5;
      r.claims[0].perSeed[0].values = DEEP;
    });
    await editResults('bottleneck-2d', (r) => (r.models[0].runs[0].analysis.margins = 'junk'));
    await editResults('bottleneck-12d', (r) => r.models[0].runs[1].fgsm.pop());
    const problems = await checkOutputs(out);
    expect(problems).toEqual(
      expect.arrayContaining([
        'results/spiral.json: environment.git.commit: expected null or a non-empty string, found 5',
        'results/spiral.json: claims[0].perSeed[0].values: expected an object, found an array of length 1',
        'results/bottleneck-2d.json: models[0].runs[0].analysis.margins: expected an array, found "junk"',
        'results/bottleneck-12d.json: models[0].runs[1].fgsm: expected one record per ε of the job (0, 0.05, 0.1, 0.2, 0.3), found 4 records',
      ]),
    );
    expect(existsSync(join(out, 'figures', 'spiral-confidence.svg'))).toBe(true);
  });
});
